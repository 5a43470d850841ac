package org.citymaas.security.audit.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.citymaas.security.audit.entity.ActorType;
import org.citymaas.security.audit.entity.AuditEvent;
import org.citymaas.security.audit.entity.ChainedEvent;
import org.citymaas.security.audit.entity.DepartmentActivity.AdminChange;
import org.citymaas.tenant.departments.entity.TenantId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A department's month counted by the database: its own events and those done to it, nothing of another
 * department (not even one whose id starts with its id), nothing just outside the month in Asia/Shanghai.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DepartmentActivityIT {

    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");
    private static final Instant FROM =
            LocalDate.of(2026, 11, 1).atStartOfDay(CITY).toInstant();
    private static final Instant TO =
            LocalDate.of(2026, 12, 1).atStartOfDay(CITY).toInstant();
    private static final TenantId TRANSPORT = new TenantId("transport");

    private final AuditDatabase db = new AuditDatabase();
    private final AuditLog log = new AuditLog(db.app());
    private final List<ChainedEvent> inMonth = new ArrayList<>();

    @BeforeAll
    void appendAMonth() throws SQLException {
        db.reset();
        // just before the month in the city (2026-10-31T23:59 +08:00) and just at its end: not counted
        log.record(event(FROM.minusSeconds(60), "transport", "inference.request", "models/m", "OK", 200));
        var events = new ArrayList<AuditEvent>();
        for (int i = 0; i < 7; i++) {
            events.add(event(FROM.plusSeconds(i), "transport", "inference.request", "models/m", "OK", 200));
        }
        for (int i = 0; i < 3; i++) {
            events.add(event(FROM.plusSeconds(10 + i), "transport", "inference.request", "models/m", "REJECTED", 429));
        }
        events.add(event(FROM.plusSeconds(20), "transport", "inference.request", "models/m", "DENIED", 403));
        events.add(event(FROM.plusSeconds(21), "transport", "member.add", "tenants/transport/members", "OK", 201));
        events.add(event(FROM.plusSeconds(22), "transport", "department.suspended.refusal", "models/m", "DENIED", 403));
        // done to the department by a platform admin, who belongs to none
        events.add(event(
                FROM.plusSeconds(23), null, "subscription.grant", "tenants/transport/subscriptions/m", "OK", 201));
        events.add(event(FROM.plusSeconds(24), null, "department.suspend", "tenants/transport", "OK", 200));
        inMonth.addAll(log.recordAll(events));
        // another department, one whose id starts with "transport", and the end of the month
        log.record(event(FROM.plusSeconds(30), "health", "inference.request", "models/m", "OK", 200));
        log.record(event(FROM.plusSeconds(31), null, "quota.set", "tenants/transport-hub/quotas/m", "OK", 200));
        log.record(event(TO, "transport", "inference.request", "models/m", "OK", 200));
    }

    @AfterAll
    void stop() {
        db.close();
    }

    @Test
    void countsTheDepartmentsEventsOfTheMonthByActionAndOutcome() {
        var activity = log.activity(TRANSPORT, FROM, TO, 100);

        assertThat(activity.total()).isEqualTo(15);
        assertThat(activity.byActionAndOutcome())
                .isEqualTo(Map.of(
                        "department.suspend", Map.of("OK", 1L),
                        "department.suspended.refusal", Map.of("DENIED", 1L),
                        "inference.request", Map.of("DENIED", 1L, "OK", 7L, "REJECTED", 3L),
                        "member.add", Map.of("OK", 1L),
                        "subscription.grant", Map.of("OK", 1L)));
        assertThat(activity.refusals()).isEqualTo(Map.of("DENIED 403", 2L, "REJECTED 429", 3L));
        assertThat(activity.firstSeq()).isEqualTo(inMonth.get(0).seq());
        assertThat(activity.lastSeq()).isEqualTo(inMonth.get(inMonth.size() - 1).seq());
    }

    @Test
    void listsTheAdministrativeChangesOldestFirstUpToTheLimit() {
        var activity = log.activity(TRANSPORT, FROM, TO, 100);

        assertThat(activity.adminChangesTotal()).isEqualTo(3);
        assertThat(activity.adminChanges())
                .extracting(AdminChange::action)
                .containsExactly("member.add", "subscription.grant", "department.suspend");
        assertThat(activity.adminChanges().get(1).resource()).isEqualTo("tenants/transport/subscriptions/m");

        var firstTwo = log.activity(TRANSPORT, FROM, TO, 2);
        assertThat(firstTwo.adminChanges()).hasSize(2);
        assertThat(firstTwo.adminChangesTotal()).isEqualTo(3);
    }

    @Test
    void aMonthWithoutEventsHasNoRange() {
        var activity = log.activity(TRANSPORT, TO.plusSeconds(3600), TO.plusSeconds(7200), 100);

        assertThat(activity.total()).isZero();
        assertThat(activity.firstSeq()).isNull();
        assertThat(activity.adminChanges()).isEmpty();
    }

    private static AuditEvent event(
            Instant at, String tenant, String action, String resource, String outcome, Integer status) {
        return AuditEvent.builder()
                .occurredAt(at)
                .actor(tenant == null ? "platform.admin" : "zhang.wei", ActorType.USER)
                .tenant(tenant == null ? null : new TenantId(tenant))
                .action(action)
                .resource(resource)
                .outcome(outcome, status)
                .build();
    }
}
