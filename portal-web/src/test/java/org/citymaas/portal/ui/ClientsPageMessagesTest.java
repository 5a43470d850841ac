package org.citymaas.portal.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.citymaas.portal.clients.boundary.GracePeriod;
import org.junit.jupiter.api.Test;

/** Every text of the API clients page is in both languages, the grace period choices' names included. */
class ClientsPageMessagesTest {

    private static final Pattern LITERAL_KEY = Pattern.compile("msg\\['([A-Za-z0-9._-]+)'\\]");
    private static final Pattern JAVA_KEY = Pattern.compile("\"(clients\\.[A-Za-z0-9.]*[A-Za-z0-9])\"");

    private static Properties bundle(String name) throws IOException {
        var properties = new Properties();
        try (var in = ClientsPageMessagesTest.class.getResourceAsStream("/org/citymaas/portal/ui/" + name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void everyKeyThePageNamesIsInBothLanguages() throws IOException {
        var keys = new TreeSet<String>();
        var matcher = LITERAL_KEY.matcher(Files.readString(Path.of("src/main/webapp/portal/clients.xhtml")));
        while (matcher.find()) {
            keys.add(matcher.group(1));
        }
        var java = JAVA_KEY.matcher(Files.readString(Path.of("src/main/java/org/citymaas/portal/ui/ClientsPage.java")));
        while (java.find()) {
            keys.add(java.group(1));
        }
        var choices = new ClientsPage().getGraceChoices();
        choices.forEach(choice -> keys.add("clients.grace." + choice));
        assertThat(keys).contains("clients.rotate", "clients.rotated.grace", "clients.grace.end", "clients.grace.P7D");
        var chinese = bundle("Messages.properties").stringPropertyNames();
        var english = bundle("Messages_en.properties").stringPropertyNames();
        assertThat(chinese).containsAll(keys);
        assertThat(english).containsAll(keys);
        assertThat(chinese.stream()
                        .filter(k -> k.startsWith("clients."))
                        .sorted()
                        .toList())
                .isEqualTo(english.stream()
                        .filter(k -> k.startsWith("clients."))
                        .sorted()
                        .toList());
    }

    @Test
    void theChoicesAreNoneOneHourOneDayAndSevenDays() {
        assertThat(new ClientsPage()
                        .getGraceChoices().stream()
                                .map(GracePeriod::parse)
                                .map(GracePeriod::duration)
                                .toList())
                .containsExactly(Duration.ZERO, Duration.ofHours(1), Duration.ofHours(24), Duration.ofDays(7));
    }
}
