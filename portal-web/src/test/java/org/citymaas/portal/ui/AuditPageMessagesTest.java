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
import org.citymaas.security.audit.entity.BreakKind;
import org.junit.jupiter.api.Test;

/** Every text of the auditor pages is in both languages, each kind of break included. */
class AuditPageMessagesTest {

    private static final Pattern LITERAL_KEY = Pattern.compile("msg\\['([A-Za-z0-9._-]+)'\\]");
    private static final Pattern JAVA_KEY = Pattern.compile("\"(audit\\.[A-Za-z0-9.]*[A-Za-z0-9])\"");
    private static final Path WEBAPP = Path.of("src/main/webapp");
    private static final Path UI = Path.of("src/main/java/org/citymaas/portal/ui");

    private static Properties bundle(String name) throws IOException {
        var properties = new Properties();
        try (var in = AuditPageMessagesTest.class.getResourceAsStream("/org/citymaas/portal/ui/" + name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void everyKeyTheAuditPagesNameIsInBothLanguages() throws IOException {
        var keys = new TreeSet<String>();
        for (var page : new String[] {
            "portal/audit/search.xhtml",
            "portal/audit/event.xhtml",
            "portal/audit/verify.xhtml",
            "portal/audit/checkpoints.xhtml",
            "WEB-INF/templates/layout.xhtml"
        }) {
            var matcher = LITERAL_KEY.matcher(Files.readString(WEBAPP.resolve(page)));
            while (matcher.find()) {
                keys.add(matcher.group(1));
            }
        }
        for (var bean : new String[] {"AuditSearchPage", "AuditEventPage", "AuditVerifyPage", "AuditCheckpointsPage"}) {
            var matcher = JAVA_KEY.matcher(Files.readString(UI.resolve(bean + ".java")));
            while (matcher.find()) {
                keys.add(matcher.group(1));
            }
        }
        for (var kind : BreakKind.values()) {
            keys.add("audit.break." + kind.name());
        }
        assertThat(keys).contains("audit.search.title", "audit.invalid", "audit.break.TRUNCATED");
        assertThat(bundle("Messages.properties").stringPropertyNames()).containsAll(keys);
        assertThat(bundle("Messages_en.properties").stringPropertyNames()).containsAll(keys);
    }
}
