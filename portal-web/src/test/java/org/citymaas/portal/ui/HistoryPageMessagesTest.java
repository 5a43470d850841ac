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
import org.citymaas.portal.usage.boundary.HistoryEntryView;
import org.citymaas.portal.usage.control.RequestKind;
import org.junit.jupiter.api.Test;

/** "My history" names each request's kind (inference or explanation) in both languages. */
class HistoryPageMessagesTest {

    private static final Pattern LITERAL_KEY = Pattern.compile("msg\\['([A-Za-z0-9._-]+)'\\]");
    private static final Path PAGE = Path.of("src/main/webapp/portal/history.xhtml");

    private static Properties bundle(String name) throws IOException {
        var properties = new Properties();
        try (var in = HistoryPageMessagesTest.class.getResourceAsStream("/org/citymaas/portal/ui/" + name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void everyKeyOfTheHistoryPageAndEveryKindIsInBothLanguages() throws IOException {
        var page = Files.readString(PAGE);
        var keys = new TreeSet<String>();
        var matcher = LITERAL_KEY.matcher(page);
        while (matcher.find()) {
            keys.add(matcher.group(1));
        }
        assertThat(keys).contains("history.kind", "history.kinds");
        assertThat(page).contains("msg['history.kind.'.concat(row.kind)]");
        for (var kind : RequestKind.values()) {
            keys.add("history.kind." + kind.code());
        }
        var chinese = bundle("Messages.properties");
        var english = bundle("Messages_en.properties");
        assertThat(chinese.stringPropertyNames()).containsAll(keys);
        assertThat(english.stringPropertyNames()).containsAll(keys);
        assertThat(chinese.stringPropertyNames().stream()
                        .filter(k -> k.startsWith("history."))
                        .sorted()
                        .toList())
                .isEqualTo(english.stringPropertyNames().stream()
                        .filter(k -> k.startsWith("history."))
                        .sorted()
                        .toList());
        assertThat(chinese.getProperty("history.kind.explain")).isEqualTo("解释");
        assertThat(english.getProperty("history.kind.explain")).isEqualTo("Explanation");
    }

    @Test
    void aRowKeepsItsEntrysKind() {
        var row = new HistoryRow(new HistoryEntryView(
                "2026-12-08T09:00:00+08:00", "explain", "health-risk", "1", "r1", "OK", 200, 1, null));

        assertThat(row.getKind()).isEqualTo("explain");
        assertThat(row.getTime()).isEqualTo("2026-12-08 09:00:00");
    }
}
