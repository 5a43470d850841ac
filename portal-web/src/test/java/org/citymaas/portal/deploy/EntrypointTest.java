package org.citymaas.portal.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The image's entrypoint refuses to start without its required settings (the start itself: EntrypointContractIT). */
class EntrypointTest {

    @Test
    void stopsWithExitCode64NamingEveryMissingVariable() throws Exception {
        var start = new ProcessBuilder(
                "sh", ManifestsTest.DOCKER.resolve("portal/entrypoint.sh").toString());
        start.environment().clear();
        start.environment().put("PATH", "/usr/bin:/bin");
        start.environment().put("CITYMAAS_DB_URL", "jdbc:postgresql://db:5432/citymaas");
        start.environment().put("CITYMAAS_OIDC_ISSUER", "");
        var process = start.redirectErrorStream(true).start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.exitValue()).as(output).isEqualTo(64);
        assertThat(output)
                .contains(
                        "CITYMAAS_DB_PASSWORD",
                        "CITYMAAS_DB_OWNER_USER",
                        "CITYMAAS_DB_OWNER_PASSWORD",
                        "CITYMAAS_OIDC_ISSUER",
                        "CITYMAAS_OIDC_CLIENT_SECRET",
                        "CITYMAAS_MASKING_MASTER_SECRET")
                .doesNotContain("CITYMAAS_DB_URL");
    }
}
