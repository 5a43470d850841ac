package org.citymaas.portal.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.time.YearMonth;
import java.time.ZoneId;
import org.citymaas.portal.devstack.TestStack;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Drift of live use on the real stack: a department whose inputs are the trainer's held-out rows is not
 * flagged, another's burst of a busy road's evening peaks (API requests and batch lines) is; the counts are in the database once read;
 * platform admins and auditors read the report (each read audited), staff and department systems are
 * refused, a month that is no month is a 400.
 */
@ExtendWith(ArquillianExtension.class)
class DriftIT {

    private static final String PASSWORD = "Drift-it-Pw-7";
    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

    @ArquillianResource
    URL portal;

    private final KeycloakAdmin keycloak = new KeycloakAdmin(TestStack.start().keycloak());

    private String api() {
        return portal.toString().replaceAll("/$", "") + "/api/";
    }

    @Test
    void heldOutLikeUseIsNotFlaggedAndASkewedBurstIsAndTheCountsAreInTheDatabase() {
        var usual = DriftTraffic.subscribed(api(), keycloak, "drift-usual", PASSWORD);
        var skewed = DriftTraffic.subscribed(api(), keycloak, "drift-burst", PASSWORD);
        var heldOut = DriftTraffic.heldOut(6);
        DriftTraffic.send(api(), usual.token(), heldOut, 250);
        var busy = DriftTraffic.busy(300);
        DriftTraffic.send(api(), skewed.token(), busy.slice(0, 200), 100); // API requests
        DriftTraffic.sendBatch(api(), skewed.token(), busy.slice(200, 300)); // batch lines, run as a chunk
        var month = YearMonth.now(CITY).toString();

        var answer = Http.get(api() + "v1/drift?month=" + month, DemoTokens.userToken("platform-admin"));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        var report = answer.json();
        assertThat(report.get("month").asText()).isEqualTo(month);
        assertThat(report.get("threshold").asDouble()).isEqualTo(0.2);
        var calm = DriftTraffic.row(report, usual.id());
        assertThat(calm).as("the held-out department's row").isNotNull();
        assertThat(calm.get("predictions").asLong()).isEqualTo(heldOut.rows());
        assertThat(calm.get("verdict").asText()).isEqualTo("stable");
        assertThat(calm.get("psi").asDouble()).isLessThan(0.1);
        assertThat(calm.get("bins")).hasSize(10);
        var burst = DriftTraffic.row(report, skewed.id());
        assertThat(burst).as("the burst department's row").isNotNull();
        assertThat(burst.get("predictions").asLong()).isEqualTo(300);
        assertThat(burst.get("verdict").asText()).isEqualTo("drift");
        assertThat(burst.get("psi").asDouble()).isGreaterThan(0.2);
        assertThat(burst.get("bins").get(9).get("count").asLong()).isEqualTo(300);
        assertThat(burst.get("bins").get(9).get("reference").asDouble()).isBetween(0.09, 0.11);

        // flushed when read: the counts are rows of prediction_count, nothing else about the requests
        assertThat(TestDatabase.count(
                        "SELECT sum(predictions) FROM prediction_count WHERE tenant_id = ? AND model = ?"
                                + " AND month = date_trunc('month', now() AT TIME ZONE 'Asia/Shanghai')::date",
                        usual.id(),
                        DriftTraffic.MODEL))
                .isEqualTo(heldOut.rows());
        assertThat(TestDatabase.count(
                        "SELECT predictions FROM prediction_count WHERE tenant_id = ? AND model = ? AND bin = 9",
                        skewed.id(),
                        DriftTraffic.MODEL))
                .isEqualTo(300);
        assertThat(TestDatabase.count("SELECT count(*) FROM prediction_count WHERE tenant_id = ?", skewed.id()))
                .isEqualTo(1);
        assertThat(TestDatabase.auditEvents("platform-admin", "drift.read", "v1/drift"))
                .isPositive();
    }

    @Test
    void auditorsReadItStaffAndDepartmentSystemsAreRefused() {
        var before = TestDatabase.auditEvents("auditor", "drift.read", "v1/drift");
        var auditor = Http.get(api() + "v1/drift", DemoTokens.userToken("auditor"));
        assertThat(auditor.status()).as(auditor.body()).isEqualTo(200);
        assertThat(auditor.json().get("month").asText())
                .isEqualTo(YearMonth.now(CITY).toString());
        assertThat(TestDatabase.auditEvents("auditor", "drift.read", "v1/drift"))
                .isEqualTo(before + 1);

        for (var token : new String[] {
            DemoTokens.userToken("transport-staff"),
            DemoTokens.userToken("transport-admin"),
            DemoTokens.serviceToken("transport")
        }) {
            var refused = Http.get(api() + "v1/drift", token);
            assertThat(refused.status()).as(refused.body()).isEqualTo(403);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.body()).doesNotContain("predictions");
        }
    }

    @Test
    void aMonthThatIsNoMonthIsA400NamingIt() {
        var admin = DemoTokens.userToken("platform-admin");
        var next = YearMonth.now(CITY).plusMonths(2).toString();
        for (var month : new String[] {"2026-13", "december", next}) {
            var before = TestDatabase.auditEvents("platform-admin", "drift.read", "v1/drift");
            var refused = Http.get(api() + "v1/drift?month=" + month, admin);
            assertThat(refused.status()).as(month + ": " + refused.body()).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().get("errors").get(0).get("field").asText())
                    .isEqualTo("month");
            assertThat(TestDatabase.auditEvents("platform-admin", "drift.read", "v1/drift"))
                    .as("a refused read is no read")
                    .isEqualTo(before);
        }
    }
}
