package org.citymaas.portal.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The checkpoint key is rotated from the platform admin's side, audited; the old public key stays in
 * the history, the chain verifies across the rotation, and every verification an auditor runs is on
 * the record.
 */
@ExtendWith(ArquillianExtension.class)
class AuditKeysIT {

    @ArquillianResource
    URL portal;

    private String api(String path) {
        return portal.toString().replaceAll("/$", "") + "/api/" + path;
    }

    @Test
    void aPlatformAdminRotatesTheKeyAndTheChainStillVerifies() {
        var admin = DemoTokens.userToken("platform-admin");
        var auditor = DemoTokens.userToken("auditor");
        var keysBefore = Http.get(api("v1/audit/keys"), auditor, "application/x-pem-file");
        assertThat(keysBefore.status()).isEqualTo(200);

        assertThat(Http.post(api("v1/audit/keys/rotate"), auditor, "").status())
                .as("auditors do not rotate")
                .isEqualTo(403);
        assertThat(Http.post(api("v1/audit/keys/rotate"), DemoTokens.userToken("transport-admin"), "")
                        .status())
                .isEqualTo(403);

        var rotated = Http.post(api("v1/audit/keys/rotate"), admin, "");
        assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
        var previous = rotated.json().get("previousKeyId").asText();
        var current = rotated.json().get("keyId").asText();
        assertThat(current).matches("[0-9a-f]{64}").isNotEqualTo(previous);
        assertThat(TestDatabase.count(
                        "SELECT count(*) FROM audit_event WHERE actor = 'platform-admin' AND action = 'audit.key.rotate'"
                                + " AND summary = ?",
                        "key " + previous + " replaced by " + current))
                .isEqualTo(1);
        assertThat(TestDatabase.count("SELECT count(*) FROM audit_checkpoint WHERE key_id = ?", current))
                .as("the head signed with the new key at once")
                .isPositive();

        var keysAfter = Http.get(api("v1/audit/keys"), auditor, "application/x-pem-file");
        assertThat(pemBlocks(keysAfter.body())).isEqualTo(pemBlocks(keysBefore.body()) + 1);

        var verificationsBefore = TestDatabase.count(
                "SELECT count(*) FROM audit_event WHERE actor = 'auditor' AND action = 'audit.verify'");
        var verdict = Http.get(api("v1/audit/verify"), auditor);
        assertThat(verdict.status()).isEqualTo(200);
        assertThat(verdict.json().get("status").asText()).as(verdict.body()).isEqualTo("OK");
        assertThat(verdict.json().get("checkpointsVerified").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(TestDatabase.count(
                        "SELECT count(*) FROM audit_event WHERE actor = 'auditor' AND action = 'audit.verify'"))
                .as("the verification is itself on the record")
                .isEqualTo(verificationsBefore + 1);
    }

    private static long pemBlocks(String pem) {
        return pem.lines()
                .filter(l -> l.startsWith("-----BEGIN PUBLIC KEY-----"))
                .count();
    }
}
