package org.citymaas.portal.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URL;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.citymaas.portal.devstack.TestStack;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Suspending a department: its still-valid tokens stop within seconds, its batch pauses; reactivation undoes both. */
@ExtendWith(ArquillianExtension.class)
class SuspensionIT {

    private static final String PASSWORD = "Suspension-it-Pw-7";
    private static final int LINES = 3000;

    @ArquillianResource
    URL portal;

    private final KeycloakAdmin keycloak = new KeycloakAdmin(TestStack.start().keycloak());

    private String base() {
        return portal.toString().replaceAll("/$", "") + "/";
    }

    private String api(String path) {
        return base() + "api/" + path;
    }

    private static long linesDone(UUID job) {
        return TestDatabase.count("SELECT ok_rows + failed_rows FROM batch_job WHERE id = ?", job);
    }

    private static String jobStatus(UUID job) {
        return TestDatabase.first("SELECT status FROM batch_job WHERE id = ?", job);
    }

    @Test
    void aSuspendedDepartmentsValidTokensGet403WithinFiveSecondsAndReactivationRestoresAccess() {
        var department = FreshDepartments.withAdmin(api(""), "sus", keycloak, PASSWORD);
        var platform = DemoTokens.userToken("platform-admin");
        var admin = TestStack.start().keycloak().userToken(department + "-admin", PASSWORD);
        var secret = Http.post(api("v1/tenants/" + department + "/clients/" + department + "-api/secret"), admin, "")
                .json()
                .get("secret")
                .asText();
        var system = TestStack.start().keycloak().clientCredentialsToken(department + "-api", secret);
        assertThat(Http.post(
                                api("v1/tenants/" + department + "/subscriptions"),
                                platform,
                                Http.json(Map.of("model", "traffic-flow-forecast")))
                        .status())
                .isEqualTo(201);
        assertThat(Http.get(api("v1/me"), admin).status()).isEqualTo(200);
        assertThat(Http.get(api("v1/me"), system).status()).isEqualTo(200);

        var submitted = Http.postCsv(
                api("v1/models/traffic-flow-forecast/batches"), system, BatchScoringIT.trafficCsv(LINES, -1));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(202);
        var job = UUID.fromString(submitted.json().get("id").asText());

        var start = System.nanoTime();
        var suspended = Http.post(api("v1/tenants/" + department + "/suspend"), platform, "");
        assertThat(suspended.status()).as(suspended.body()).isEqualTo(200);
        assertThat(suspended.json().get("status").asText()).isEqualTo("SUSPENDED");
        await().atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> Http.get(api("v1/me"), admin).status() == 403
                        && Http.get(api("v1/me"), system).status() == 403);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));

        var refused = Http.get(api("v1/tenants/" + department + "/members"), admin);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("title").asText()).isEqualTo("Department suspended");
        assertThat(refused.json().get("detail").asText()).startsWith("department suspended");
        var page = Http.getAny(base() + "portal/home.xhtml", admin);
        assertThat(page.status()).isEqualTo(403);
        assertThat(page.body()).contains("data-key=\"error.403.suspended\"");
        // other departments go on
        assertThat(Http.get(api("v1/me"), DemoTokens.userToken("transport-staff"))
                        .status())
                .isEqualTo(200);

        // the batch pauses: no line runs while the department is suspended
        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> true);
        var paused = linesDone(job);
        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> true);
        assertThat(linesDone(job)).isEqualTo(paused).isLessThan(LINES);
        assertThat(jobStatus(job)).isIn("QUEUED", "RUNNING");

        assertThat(Http.post(api("v1/tenants/" + department + "/suspend"), platform, "")
                        .status())
                .isEqualTo(409);
        assertThat(Http.post(api("v1/tenants/transport/suspend"), DemoTokens.userToken("transport-admin"), "")
                        .status())
                .isEqualTo(403);

        var reactivated = Http.post(api("v1/tenants/" + department + "/reactivate"), platform, "");
        assertThat(reactivated.status()).as(reactivated.body()).isEqualTo(200);
        assertThat(reactivated.json().get("status").asText()).isEqualTo("ACTIVE");
        await().atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> Http.get(api("v1/me"), admin).status() == 200
                        && Http.get(api("v1/me"), system).status() == 200);
        await().atMost(Duration.ofMinutes(3)).until(() -> "DONE".equals(jobStatus(job)));
        assertThat(linesDone(job)).isEqualTo(LINES);

        assertThat(TestDatabase.auditEvents("platform-admin", "department.suspend", "tenants/" + department))
                .isEqualTo(1);
        assertThat(TestDatabase.auditEvents("platform-admin", "department.reactivate", "tenants/" + department))
                .isEqualTo(1);
    }
}
