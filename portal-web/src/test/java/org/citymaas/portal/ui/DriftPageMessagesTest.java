package org.citymaas.portal.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.citymaas.portal.drift.entity.Verdict;
import org.junit.jupiter.api.Test;

/** Every text of the drift page is in both languages, each verdict too, and the menu names it. */
class DriftPageMessagesTest {

    private static final Pattern LITERAL_KEY = Pattern.compile("msg\\['([A-Za-z0-9._-]+)'\\]");
    private static final Path WEBAPP = Path.of("src/main/webapp");

    private static Properties bundle(String name) throws IOException {
        var properties = new Properties();
        try (var in = DriftPageMessagesTest.class.getResourceAsStream("/org/citymaas/portal/ui/" + name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void everyKeyTheDriftPageNamesIsInBothLanguages() throws IOException {
        var keys = new TreeSet<String>();
        var matcher = LITERAL_KEY.matcher(Files.readString(WEBAPP.resolve("portal/admin/drift.xhtml")));
        while (matcher.find()) {
            keys.add(matcher.group(1));
        }
        var layout = Files.readString(WEBAPP.resolve("WEB-INF/templates/layout.xhtml"));
        assertThat(layout).contains("outcome=\"/portal/admin/drift\"", "msg['drift.nav']");
        keys.add("drift.nav");
        keys.add("drift.error.month");
        for (var verdict : Verdict.values()) {
            keys.add("drift.verdict." + verdict.key());
        }
        assertThat(keys).contains("drift.title", "drift.rule", "drift.noReference", "drift.live", "drift.reference");
        var chinese = bundle("Messages.properties");
        var english = bundle("Messages_en.properties");
        assertThat(chinese.stringPropertyNames()).containsAll(keys);
        assertThat(english.stringPropertyNames()).containsAll(keys);
        assertThat(chinese.stringPropertyNames().stream()
                        .filter(k -> k.startsWith("drift."))
                        .sorted()
                        .toList())
                .isEqualTo(english.stringPropertyNames().stream()
                        .filter(k -> k.startsWith("drift."))
                        .sorted()
                        .toList());
        assertThat(chinese.getProperty("drift.title")).isNotEqualTo(english.getProperty("drift.title"));
    }
}
