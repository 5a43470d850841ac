package org.citymaas.portal.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.Map;
import java.util.UUID;
import org.citymaas.portal.devstack.TestStack;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A department's staff ask for a model, a platform admin grants it with a quota (the department can then call it)
 * or refuses it; duplicates, decisions taken twice, other departments and bad input are refused; the audit log
 * holds each step and never the justification or the reason.
 */
@ExtendWith(ArquillianExtension.class)
class AccessRequestsIT {

    private static final String PASSWORD = "Access-it-Pw-7";
    private static final String MODEL = "traffic-flow-forecast";

    @ArquillianResource
    URL portal;

    private final KeycloakAdmin keycloak = new KeycloakAdmin(TestStack.start().keycloak());

    private String api(String path) {
        return portal.toString().replaceAll("/$", "") + "/api/" + path;
    }

    /** A department of the test's own with a staff member; answers the staff member's token. */
    private String staffOf(String department) {
        var admin = TestStack.start().keycloak().userToken(department + "-admin", PASSWORD);
        var username = department + "-staff";
        var added = Http.post(
                api("v1/tenants/" + department + "/members"),
                admin,
                Http.json(Map.of(
                        "username", username, "email", username + "@city.example", "name", "职员", "role", "staff")));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        keycloak.setPassword(username, PASSWORD);
        return TestStack.start().keycloak().userToken(username, PASSWORD);
    }

    private Http.Answer ask(String department, String token, String model, String justification) {
        return Http.post(
                api("v1/tenants/" + department + "/access-requests"),
                token,
                Http.json(Map.of("model", model, "justification", justification)));
    }

    private static long requests(String department) {
        return TestDatabase.count("SELECT count(*) FROM access_request WHERE tenant_id = ?", department);
    }

    private static long auditMentions(String text) {
        return TestDatabase.count("SELECT count(*) FROM audit_event e WHERE e::text LIKE ?", "%" + text + "%");
    }

    @Test
    void staffRequestAPlatformAdminGrantsWithAQuotaAndTheDepartmentCanCallTheModel() {
        var department = FreshDepartments.withAdmin(api(""), "acc", keycloak, PASSWORD);
        var staff = staffOf(department);
        var platform = DemoTokens.userToken("platform-admin");
        var marker = "why-" + UUID.randomUUID();
        var justification = "道路规划需要车流预测 " + marker;
        var infer = api("v2/models/" + MODEL + "/infer");
        assertThat(Http.post(infer, staff, TrafficRequests.body(1, 8)).status())
                .as("not subscribed yet")
                .isEqualTo(404);

        var asked = ask(department, staff, MODEL, justification);
        assertThat(asked.status()).as(asked.body()).isEqualTo(201);
        assertThat(asked.json().get("status").asText()).isEqualTo("PENDING");
        assertThat(asked.json().get("requestedBy").asText()).isEqualTo(department + "-staff");
        var id = asked.json().get("id").asLong();
        assertThat(asked.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/" + id));

        // a second pending request for the model, by anyone of the department: 409, nothing kept
        var admin = TestStack.start().keycloak().userToken(department + "-admin", PASSWORD);
        var again = ask(department, admin, MODEL, "again");
        assertThat(again.status()).as(again.body()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(requests(department)).isEqualTo(1);

        // another department's members, and these staff for another department: 403
        var transport = DemoTokens.userToken("transport-staff");
        assertThat(ask(department, transport, "health-risk", "not mine").status())
                .isEqualTo(403);
        assertThat(Http.get(api("v1/tenants/" + department + "/access-requests"), transport)
                        .status())
                .isEqualTo(403);
        assertThat(ask("transport", staff, "health-risk", "not mine").status()).isEqualTo(403);
        // the platform admins' queue is theirs only
        assertThat(Http.get(api("v1/access-requests"), staff).status()).isEqualTo(403);
        assertThat(Http.post(
                                api("v1/access-requests/" + id + "/grant"),
                                admin,
                                Http.json(Map.of("requests", 1, "rows", 1)))
                        .status())
                .isEqualTo(403);

        // bad input: 400 problem+json naming the field, nothing kept
        for (var bad : new String[] {"   ", "a\u202Eb", "x".repeat(1001)}) {
            var refused = ask(department, staff, "health-risk", bad);
            assertThat(refused.status()).as(refused.body()).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.body()).contains("justification");
        }
        var unknown = ask(department, staff, "no-such-model", "a reason");
        assertThat(unknown.status()).as(unknown.body()).isEqualTo(400);
        assertThat(unknown.body()).contains("model");
        assertThat(requests(department)).isEqualTo(1);

        var mine = Http.get(api("v1/tenants/" + department + "/access-requests"), staff);
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.json()).hasSize(1);
        assertThat(mine.json().get(0).get("justification").asText()).isEqualTo(justification);
        var queue = Http.get(api("v1/access-requests?status=PENDING"), platform);
        assertThat(queue.status()).isEqualTo(200);
        assertThat(queue.json().findValuesAsText("id")).contains(String.valueOf(id));
        assertThat(Http.get(api("v1/access-requests?status=MAYBE"), platform).status())
                .isEqualTo(400);

        var negative = Http.post(
                api("v1/access-requests/" + id + "/grant"), platform, Http.json(Map.of("requests", -1, "rows", 10)));
        assertThat(negative.status()).as(negative.body()).isEqualTo(400);
        var granted = Http.post(
                api("v1/access-requests/" + id + "/grant"), platform, Http.json(Map.of("requests", 100, "rows", 1000)));
        assertThat(granted.status()).as(granted.body()).isEqualTo(200);
        assertThat(granted.json().get("status").asText()).isEqualTo("GRANTED");
        assertThat(granted.json().get("decidedBy").asText()).isEqualTo("platform-admin");
        assertThat(Http.post(
                                api("v1/access-requests/" + id + "/grant"),
                                platform,
                                Http.json(Map.of("requests", 5, "rows", 5)))
                        .status())
                .as("deciding twice")
                .isEqualTo(409);
        assertThat(Http.post(api("v1/access-requests/" + id + "/refuse"), platform, Http.json(Map.of("reason", "no")))
                        .status())
                .isEqualTo(409);
        assertThat(Http.post(
                                api("v1/access-requests/999999999/grant"),
                                platform,
                                Http.json(Map.of("requests", 5, "rows", 5)))
                        .status())
                .isEqualTo(404);

        // the department now has the model, with the quota granted
        var call = Http.post(infer, staff, TrafficRequests.body(1, 8));
        assertThat(call.status()).as(call.body()).isEqualTo(200);
        var quota = Http.get(api("v1/quotas"), staff);
        assertThat(quota.status()).as(quota.body()).isEqualTo(200);
        assertThat(quota.body()).contains(MODEL).contains("100").contains("1000");
        assertThat(TestDatabase.count(
                        "SELECT request_limit FROM quota WHERE tenant_id = ? AND model = ?", department, MODEL))
                .isEqualTo(100);
        assertThat(ask(department, staff, MODEL, "once more").status())
                .as("a model the department has")
                .isEqualTo(409);

        var resource = "tenants/" + department + "/access-requests/" + id;
        assertThat(TestDatabase.auditEvents(department + "-staff", "access.request", resource))
                .isEqualTo(1);
        assertThat(TestDatabase.count(
                        "SELECT count(*) FROM audit_event WHERE actor = 'platform-admin' AND action = 'access.grant'"
                                + " AND outcome = 'OK' AND resource = ?",
                        resource))
                .isEqualTo(1);
        assertThat(TestDatabase.auditEvents(
                        "platform-admin", "subscription.grant", "tenants/" + department + "/subscriptions/" + MODEL))
                .isEqualTo(1);
        assertThat(TestDatabase.auditEvents(
                        "platform-admin", "quota.set", "tenants/" + department + "/quotas/" + MODEL))
                .isEqualTo(1);
        assertThat(TestDatabase.count(
                        "SELECT count(*) FROM audit_event WHERE action = 'access.request' AND outcome = 'REJECTED'"
                                + " AND resource = ?",
                        "tenants/" + department + "/access-requests"))
                .as("the duplicate and the model it has")
                .isEqualTo(2);
        assertThat(TestDatabase.count(
                        "SELECT count(*) FROM audit_event WHERE action IN ('access.grant', 'access.refuse')"
                                + " AND outcome = 'REJECTED' AND resource = ?",
                        resource))
                .as("the decisions taken twice")
                .isEqualTo(2);
        assertThat(auditMentions(marker))
                .as("the justification is never audited")
                .isZero();
    }

    @Test
    void aRefusalTellsTheDepartmentWhyAndGrantsNothing() {
        var department = FreshDepartments.withAdmin(api(""), "acr", keycloak, PASSWORD);
        var admin = TestStack.start().keycloak().userToken(department + "-admin", PASSWORD);
        var platform = DemoTokens.userToken("platform-admin");
        var marker = "why-" + UUID.randomUUID();
        var asked = ask(department, admin, MODEL, "投诉分析 " + marker);
        assertThat(asked.status()).as(asked.body()).isEqualTo(201);
        var id = asked.json().get("id").asLong();

        var reasonMarker = "because-" + UUID.randomUUID();
        for (var bad : new String[] {"", "x".repeat(501), "no\u0000"}) {
            var refused =
                    Http.post(api("v1/access-requests/" + id + "/refuse"), platform, Http.json(Map.of("reason", bad)));
            assertThat(refused.status()).as(refused.body()).isEqualTo(400);
            assertThat(refused.body()).contains("reason");
        }
        assertThat(TestDatabase.first("SELECT status FROM access_request WHERE id = ?", id))
                .isEqualTo("PENDING");
        var refused = Http.post(
                api("v1/access-requests/" + id + "/refuse"),
                platform,
                Http.json(Map.of("reason", "请先完成数据安全评估 " + reasonMarker)));
        assertThat(refused.status()).as(refused.body()).isEqualTo(200);
        assertThat(refused.json().get("status").asText()).isEqualTo("REFUSED");

        var mine = Http.get(api("v1/tenants/" + department + "/access-requests"), admin);
        assertThat(mine.json().get(0).get("status").asText()).isEqualTo("REFUSED");
        assertThat(mine.json().get(0).get("reason").asText()).contains(reasonMarker);
        assertThat(Http.post(api("v2/models/" + MODEL + "/infer"), admin, TrafficRequests.body(1, 8))
                        .status())
                .isEqualTo(404);
        assertThat(TestDatabase.count("SELECT count(*) FROM subscription WHERE tenant_id = ?", department))
                .isZero();
        assertThat(TestDatabase.auditEvents(
                        "platform-admin", "access.refuse", "tenants/" + department + "/access-requests/" + id))
                .isEqualTo(1);
        assertThat(auditMentions(marker)).isZero();
        assertThat(auditMentions(reasonMarker))
                .as("the reason is never audited")
                .isZero();

        // refused, the department may ask again
        assertThat(ask(department, admin, MODEL, "second try").status()).isEqualTo(201);
    }
}
