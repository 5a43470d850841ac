package org.citymaas.portal.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.citymaas.portal.devstack.KeycloakDemoRealm;
import org.citymaas.portal.devstack.TestStack;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The auditors' search of the audit log on the real stack: filters, newest first, page by page with
 * no event seen twice; only auditors may search; bad filters and cursors are a 400; every search is
 * itself on the record.
 */
@ExtendWith(ArquillianExtension.class)
class AuditSearchIT {

    @ArquillianResource
    URL portal;

    private String api(String path) {
        return portal.toString().replaceAll("/$", "") + "/api/" + path;
    }

    @Test
    void anAuditorPagesThroughADepartmentsRequestsNewestFirstAndEachSearchIsAudited() {
        var service = DemoTokens.serviceToken("transport");
        var ids = new ArrayList<String>();
        for (int i = 0; i < 7; i++) {
            var id = "audit-search-" + UUID.randomUUID();
            var answer = Http.post(
                    api("v2/models/traffic-flow-forecast/infer"),
                    service,
                    TrafficRequests.body(1, 8),
                    Map.of("X-Request-Id", id));
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            ids.add(id);
        }
        var auditor = DemoTokens.userToken("auditor");
        var searchesBefore = TestDatabase.count(
                "SELECT count(*) FROM audit_event WHERE actor = 'auditor' AND action = 'audit.search'");

        var seen = new HashSet<Long>();
        var seqs = new ArrayList<Long>();
        var requestIds = new ArrayList<String>();
        String cursor = null;
        int pages = 0;
        do {
            var answer = Http.get(
                    api("v1/audit/events?department=transport&action=inference.request&outcome=OK&limit=2"
                            + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8))),
                    auditor);
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            var page = answer.json();
            for (var event : page.get("events")) {
                assertThat(event.get("department").asText()).isEqualTo("transport");
                assertThat(event.get("action").asText()).isEqualTo("inference.request");
                assertThat(event.get("occurredAt").asText()).endsWith("+08:00");
                assertThat(seen.add(event.get("seq").asLong())).as("seen once").isTrue();
                seqs.add(event.get("seq").asLong());
                requestIds.add(event.get("requestId").asText());
            }
            cursor = page.get("cursor").isNull() ? null : page.get("cursor").asText();
            pages++;
        } while (cursor != null && pages < 3);
        assertThat(seqs).hasSize(6).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(requestIds)
                .as("newest first")
                .containsExactly(ids.get(6), ids.get(5), ids.get(4), ids.get(3), ids.get(2), ids.get(1));

        var one = Http.get(api("v1/audit/events?requestId=" + ids.get(2)), auditor);
        assertThat(one.status()).as(one.body()).isEqualTo(200);
        assertThat(one.json().get("events")).hasSize(1);
        assertThat(one.json().get("events").get(0).get("hash").asText()).matches("[0-9a-f]{64}");

        var siem = TestStack.start()
                .keycloak()
                .clientCredentialsToken(KeycloakDemoRealm.AUDIT_CLIENT, KeycloakDemoRealm.AUDIT_SECRET);
        var pulled = Http.get(api("v1/audit/events?requestId=" + ids.get(0)), siem);
        assertThat(pulled.status())
                .as("the SIEM's client pulls events: " + pulled.body())
                .isEqualTo(200);
        assertThat(pulled.json().get("events")).hasSize(1);

        assertThat(TestDatabase.count(
                        "SELECT count(*) FROM audit_event WHERE actor = 'auditor' AND action = 'audit.search'"))
                .as("every search is on the record")
                .isEqualTo(searchesBefore + pages + 1);
        assertThat(TestDatabase.first(
                        "SELECT summary FROM audit_event WHERE actor = 'auditor' AND action = 'audit.search'"
                                + " ORDER BY seq DESC LIMIT 1"))
                .contains("requestId=" + ids.get(2));
    }

    @Test
    void onlyAuditorsSearchAndBadFiltersOrCursorsAreA400() {
        var auditor = DemoTokens.userToken("auditor");
        for (var user : List.of("transport-staff", "transport-admin", "platform-admin")) {
            var answer = Http.get(api("v1/audit/events"), DemoTokens.userToken(user));
            assertThat(answer.status()).as(user).isEqualTo(403);
        }
        assertThat(Http.get(api("v1/audit/events"), DemoTokens.serviceToken("transport"))
                        .status())
                .isEqualTo(403);

        var badCursor = Http.get(api("v1/audit/events?cursor=not-a-cursor"), auditor);
        var badTime = Http.get(api("v1/audit/events?from=yesterday"), auditor);
        var badLimit = Http.get(api("v1/audit/events?limit=100000"), auditor);

        for (var answer : List.of(badCursor, badTime, badLimit)) {
            assertThat(answer.status()).as(answer.body()).isEqualTo(400);
            assertThat(answer.contentType()).startsWith("application/problem+json");
        }
        assertThat(badTime.body()).contains("from");
    }
}
