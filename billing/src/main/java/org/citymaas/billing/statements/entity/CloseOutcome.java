package org.citymaas.billing.statements.entity;

import java.time.YearMonth;
import java.util.Objects;
import org.citymaas.tenant.departments.entity.TenantId;

/**
 * What the scheduled close did with one department's month.
 *
 * @param tenant the department
 * @param month the month
 * @param action what happened
 * @param detail the statement's number once issued, the reason on {@code FAILED}; else null
 */
public record CloseOutcome(TenantId tenant, YearMonth month, Action action, String detail) {

    /** What the scheduled close did. */
    public enum Action {
        /** A DRAFT was created for an ended month with usage. */
        DRAFTED,
        /** A DRAFT within its grace window (or accepted, or not yet due) was recomputed. */
        REFRESHED,
        /** A DRAFT whose grace window had passed was issued. */
        ISSUED,
        /** A disputed DRAFT was recomputed and waits for a platform admin to issue it by hand. */
        DISPUTED,
        /** The step failed and was rolled back; the next run tries again. */
        FAILED
    }

    public CloseOutcome {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(action, "action");
    }
}
