package org.citymaas.portal.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The test server's log, to check what it holds. */
final class ServerLog {

    private ServerLog() {}

    /**
     * What Payara Micro logged so far (arquillian.xml: --logtofile; the file handler may add a
     * generation number to the name, so every file starting with that name is read).
     */
    static String read() {
        var file = Path.of(System.getProperty("citymaas.payara.log", "target/payara-it.log"))
                .toAbsolutePath();
        try (var files = Files.list(file.getParent())) {
            var log = new StringBuilder();
            for (var f : files.filter(f -> f.getFileName()
                            .toString()
                            .startsWith(file.getFileName().toString()))
                    .sorted()
                    .toList()) {
                log.append(Files.readString(f, StandardCharsets.UTF_8));
            }
            assertThat(log).as("the server log " + file).isNotEmpty();
            return log.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
