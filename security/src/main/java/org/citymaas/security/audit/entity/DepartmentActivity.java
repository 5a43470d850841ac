package org.citymaas.security.audit.entity;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.citymaas.tenant.departments.entity.TenantId;

/**
 * What the audit log holds about one department in a time window, counted by the database: its events
 * by action, outcome and HTTP status, and its administrative changes one by one. A department's events
 * are those it is the tenant of, and those whose resource is the department ({@code tenants/<id>} and
 * below: a platform admin's grant, quota or suspension of it).
 *
 * @param counts the events by action, outcome and HTTP status, ordered by action, outcome, status
 * @param adminChanges the administrative changes, oldest first, at most as many as were asked for
 * @param firstSeq the chain position of the window's first event of the department, null when none
 * @param lastSeq the chain position of its last event, null when none
 */
public record DepartmentActivity(
        TenantId department,
        Instant from,
        Instant to,
        List<ActivityCount> counts,
        List<AdminChange> adminChanges,
        Long firstSeq,
        Long lastSeq) {

    /**
     * Action categories (the part before the first dot) of changes to a department's set-up: the
     * department itself (creation, suspension), its members, API clients, subscriptions, quotas, budget,
     * billing account, price cards, and its requests for access to models with their decisions.
     */
    public static final Set<String> ADMIN_CATEGORIES = Set.of(
            "department",
            "member",
            "client",
            "subscription",
            "quota",
            "budget",
            "billing-account",
            "price-card",
            "access");

    /** Actions of those categories that change nothing: a refusal of a suspended department, a budget alert. */
    public static final Set<String> NOT_ADMIN_ACTIONS = Set.of("department.suspended.refusal", "budget.alert");

    public DepartmentActivity {
        Objects.requireNonNull(department, "department");
        counts = List.copyOf(counts);
        adminChanges = List.copyOf(adminChanges);
    }

    /** Whether events of the action are administrative changes. */
    public static boolean isAdminChange(String action) {
        var dot = action.indexOf('.');
        var category = dot < 0 ? action : action.substring(0, dot);
        return ADMIN_CATEGORIES.contains(category) && !NOT_ADMIN_ACTIONS.contains(action);
    }

    /** All events of the department in the window. */
    public long total() {
        return counts.stream().mapToLong(ActivityCount::events).sum();
    }

    /** Events by action and outcome (the HTTP statuses added up), in action order. */
    public Map<String, Map<String, Long>> byActionAndOutcome() {
        var table = new TreeMap<String, Map<String, Long>>();
        for (var c : counts) {
            table.computeIfAbsent(c.action(), a -> new TreeMap<>()).merge(c.outcome(), c.events(), Long::sum);
        }
        return table;
    }

    /** Events that did not end OK, by outcome and HTTP status ({@code REJECTED 429}, {@code DENIED 403}). */
    public Map<String, Long> refusals() {
        var table = new TreeMap<String, Long>();
        for (var c : counts) {
            if (!"OK".equals(c.outcome())) {
                table.merge(c.outcome() + (c.httpStatus() == null ? "" : " " + c.httpStatus()), c.events(), Long::sum);
            }
        }
        return table;
    }

    /** How many administrative changes there were in all (the list may hold fewer). */
    public long adminChangesTotal() {
        return counts.stream()
                .filter(c -> isAdminChange(c.action()))
                .mapToLong(ActivityCount::events)
                .sum();
    }

    /** Events of one action, outcome and HTTP status (null when the event has none). */
    public record ActivityCount(String action, String outcome, Integer httpStatus, long events) {}

    /** One administrative change: who did what to which resource, and how it ended. */
    public record AdminChange(
            long seq,
            Instant occurredAt,
            String actor,
            String action,
            String resource,
            String outcome,
            Integer httpStatus) {}
}
