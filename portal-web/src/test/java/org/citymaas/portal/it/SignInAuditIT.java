package org.citymaas.portal.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;
import org.citymaas.portal.devstack.KeycloakDemoRealm;
import org.citymaas.portal.devstack.TestStack;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Sign-ins an auditor needs and a flood must not drown the chain in: refused tokens are recorded one
 * by one up to the window's sample (200 in 30 s in the tests) and counted beyond it; Keycloak's failed
 * sign-ins (a wrong password, a wrong client secret) reach the audit log by the import, naming the
 * account, never what was typed.
 */
@ExtendWith(ArquillianExtension.class)
class SignInAuditIT {

    private static final Pattern SUMMARY = Pattern.compile("^(\\d+) refused from .*; (\\d+) recorded one by one; .*$");
    private static final int BURST = 500;

    @ArquillianResource
    URL portal;

    private String api(String path) {
        return portal.toString().replaceAll("/$", "") + "/api/" + path;
    }

    @Test
    void aFloodOfBadTokensIsSampledAndEveryRefusalCounted() throws Exception {
        var marker = "flood-" + UUID.randomUUID();
        var start = Timestamp.from(Instant.now().minusSeconds(1));
        for (int i = 0; i < BURST; i++) {
            assertThat(Http.post(api("v2/models/" + marker + "/infer"), "not.a.token." + i, "{}")
                            .status())
                    .isEqualTo(401);
        }
        long oneByOne = TestDatabase.count(
                "SELECT count(*) FROM audit_event WHERE action = 'api.signin' AND resource LIKE ?", "%" + marker + "%");
        assertThat(oneByOne)
                .as("at most two windows of 200 recorded one by one, the rest only counted")
                .isPositive()
                .isLessThanOrEqualTo(400)
                .isLessThan(BURST);

        // the windows the burst fell into are summarised once they end (30 s, the timer every 15 s)
        long counted = 0;
        var deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline)) {
            counted = countedSince(start);
            if (counted >= BURST - oneByOne) {
                break;
            }
            Thread.sleep(1000);
        }
        assertThat(counted).as("refusals counted beyond the samples").isGreaterThanOrEqualTo(BURST - oneByOne);
        assertThat(TestDatabase.count("SELECT count(*) FROM audit_event WHERE summary LIKE '%not.a.token%'"
                        + " OR resource LIKE '%not.a.token%'"))
                .isZero();
    }

    /** The refusals of the summaries recorded since {@code start} that were counted but not recorded one by one. */
    private static long countedSince(Timestamp start) throws Exception {
        long counted = 0;
        try (var connection = TestStack.start().database().ownerDataSource().getConnection();
                var select = connection.prepareStatement(
                        "SELECT summary FROM audit_event WHERE action = 'signin.refusals' AND occurred_at >= ?")) {
            select.setTimestamp(1, start);
            try (var rows = select.executeQuery()) {
                while (rows.next()) {
                    var m = SUMMARY.matcher(rows.getString(1));
                    assertThat(m.matches()).as(rows.getString(1)).isTrue();
                    counted += Long.parseLong(m.group(1)) - Long.parseLong(m.group(2));
                }
            }
        }
        return counted;
    }

    @Test
    void keycloaksFailedSignInsReachTheAuditLogWithoutWhatWasTyped() throws Exception {
        var start = Timestamp.from(Instant.now().minusSeconds(1));
        var keycloak = TestStack.start().keycloak();
        var wrongPassword = "wrong-" + UUID.randomUUID();
        assertThatThrownBy(() -> keycloak.userToken("education-staff", wrongPassword));
        assertThatThrownBy(() -> keycloak.clientCredentialsToken(KeycloakDemoRealm.apiClient("health"), wrongPassword));

        var deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)
                && (failures("education-staff", start) == 0 || clientFailures(start) == 0)) {
            Thread.sleep(1000);
        }
        assertThat(failures("education-staff", start))
                .as("the wrong password, under the account's user name")
                .isEqualTo(1);
        assertThat(clientFailures(start)).as("the wrong client secret").isEqualTo(1);
        assertThat(TestDatabase.count(
                        "SELECT count(*) FROM audit_event WHERE summary LIKE ? OR resource LIKE ? OR actor LIKE ?",
                        "%" + wrongPassword + "%",
                        "%" + wrongPassword + "%",
                        "%" + wrongPassword + "%"))
                .isZero();
        // a user has to succeed once more so that Keycloak's brute-force counter does not build up across runs
        assertThat(DemoTokens.userToken("education-staff")).isNotBlank();
    }

    private static long failures(String actor, Timestamp start) {
        return TestDatabase.count(
                "SELECT count(*) FROM audit_event WHERE action = 'signin' AND outcome = 'DENIED' AND actor = ?"
                        + " AND resource LIKE 'keycloak/%' AND summary LIKE 'LOGIN_ERROR: %' AND occurred_at >= ?",
                actor, start);
    }

    private static long clientFailures(Timestamp start) {
        return TestDatabase.count(
                "SELECT count(*) FROM audit_event WHERE action = 'signin' AND outcome = 'DENIED'"
                        + " AND resource = ? AND summary LIKE 'CLIENT_LOGIN_ERROR: %' AND occurred_at >= ?",
                "keycloak/" + KeycloakDemoRealm.apiClient("health"), start);
    }
}
