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
import org.citymaas.portal.access.entity.AccessStatus;
import org.junit.jupiter.api.Test;

/** Every text of the access requests (the catalog's section and the platform admins' page) is in both languages. */
class AccessPageMessagesTest {

    private static final Pattern LITERAL_KEY = Pattern.compile("msg\\['([A-Za-z0-9._-]+)'\\]");
    private static final Pattern JAVA_KEY = Pattern.compile("\"(access\\.[A-Za-z0-9.]*[A-Za-z0-9])\"");
    private static final Path WEBAPP = Path.of("src/main/webapp");
    private static final Path UI = Path.of("src/main/java/org/citymaas/portal/ui");

    private static Properties bundle(String name) throws IOException {
        var properties = new Properties();
        try (var in = AccessPageMessagesTest.class.getResourceAsStream("/org/citymaas/portal/ui/" + name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void everyKeyTheAccessPagesNameIsInBothLanguages() throws IOException {
        var keys = new TreeSet<String>();
        for (var page : new String[] {
            "portal/catalog.xhtml", "portal/admin/access-requests.xhtml", "WEB-INF/templates/layout.xhtml"
        }) {
            var matcher = LITERAL_KEY.matcher(Files.readString(WEBAPP.resolve(page)));
            while (matcher.find()) {
                keys.add(matcher.group(1));
            }
        }
        for (var bean : new String[] {"CatalogAccessPage", "AccessRequestsPage"}) {
            var matcher = JAVA_KEY.matcher(Files.readString(UI.resolve(bean + ".java")));
            while (matcher.find()) {
                keys.add(matcher.group(1));
            }
        }
        for (var status : AccessStatus.values()) {
            keys.add("access.status." + status.name());
        }
        assertThat(keys).contains("access.request", "access.granted", "access.nav", "access.status.REFUSED");
        var chinese = bundle("Messages.properties").stringPropertyNames();
        var english = bundle("Messages_en.properties").stringPropertyNames();
        assertThat(chinese).containsAll(keys);
        assertThat(english).containsAll(keys);
        assertThat(chinese.stream()
                        .filter(k -> k.startsWith("access."))
                        .sorted()
                        .toList())
                .isEqualTo(english.stream()
                        .filter(k -> k.startsWith("access."))
                        .sorted()
                        .toList());
    }
}
