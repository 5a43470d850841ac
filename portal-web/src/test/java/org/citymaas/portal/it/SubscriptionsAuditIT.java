package org.citymaas.portal.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every administrative change of subscriptions and quotas through the API leaves one audit event. */
@ExtendWith(ArquillianExtension.class)
class SubscriptionsAuditIT {

    private static final String MODEL = "traffic-flow-forecast";

    @ArquillianResource
    URL portal;

    private String api() {
        return portal.toString().replaceAll("/$", "") + "/api/";
    }

    private static long quotaSets(String department) {
        return TestDatabase.auditEvents("platform-admin", "quota.set", "tenants/" + department + "/quotas/" + MODEL);
    }

    @Test
    void grantQuotaAndRevokeAreEachAuditedOnceWithWhatChanged() {
        var department = FreshDepartments.create(api(), "audit");
        var admin = DemoTokens.userToken("platform-admin");
        var subscription = "tenants/" + department + "/subscriptions/" + MODEL;

        var granted = Http.post(
                api() + "v1/tenants/" + department + "/subscriptions",
                admin,
                "{\"model\": \"" + MODEL + "\", \"version\": \"1\"}");
        assertThat(granted.status()).as(granted.body()).isEqualTo(201);
        assertThat(TestDatabase.auditEvents("platform-admin", "subscription.grant", subscription))
                .isEqualTo(1);
        assertThat(TestDatabase.first(
                        "SELECT outcome || ' ' || http_status || ' ' || summary FROM audit_event"
                                + " WHERE action = 'subscription.grant' AND resource = ?",
                        subscription))
                .isEqualTo("OK 201 version 1");

        var limited = Http.put(
                api() + "v1/tenants/" + department + "/quotas/" + MODEL, admin, "{\"requests\": 10, \"rows\": 500}");
        assertThat(limited.status()).as(limited.body()).isEqualTo(200);
        assertThat(limited.json().get("requestsLeft").asLong()).isEqualTo(10);
        assertThat(quotaSets(department)).isEqualTo(1);
        assertThat(TestDatabase.first(
                        "SELECT summary FROM audit_event WHERE action = 'quota.set' AND resource = ?",
                        "tenants/" + department + "/quotas/" + MODEL))
                .isEqualTo("requests 10, rows 500 a month");

        var revoked = Http.delete(api() + "v1/tenants/" + department + "/subscriptions/" + MODEL, admin);
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(204);
        assertThat(TestDatabase.auditEvents("platform-admin", "subscription.revoke", subscription))
                .isEqualTo(1);

        var verification = Http.get(api() + "v1/audit/verify", DemoTokens.userToken("auditor"));
        assertThat(verification.json().get("status").asText())
                .as(verification.body())
                .isEqualTo("OK");
    }

    @Test
    void aRefusedQuotaChangesNothingAndLeavesNoChangeEvent() {
        var department = FreshDepartments.create(api(), "audit");
        var admin = DemoTokens.userToken("platform-admin");
        var quota = api() + "v1/tenants/" + department + "/quotas/" + MODEL;
        assertThat(Http.put(quota, admin, "{\"requests\": 10, \"rows\": 500}").status())
                .isEqualTo(200);

        var negative = Http.put(quota, admin, "{\"requests\": -1, \"rows\": 500}");
        var missing = Http.put(quota, admin, "{\"requests\": 5}");

        assertThat(negative.status()).as(negative.body()).isEqualTo(400);
        assertThat(negative.json().get("detail").asText()).contains("negative");
        assertThat(missing.status()).as(missing.body()).isEqualTo(400);
        assertThat(quotaSets(department)).isEqualTo(1);
        assertThat(TestDatabase.first(
                        "SELECT request_limit || '/' || row_limit FROM quota WHERE tenant_id = ? AND model = ?",
                        department,
                        MODEL))
                .isEqualTo("10/500");
    }
}
