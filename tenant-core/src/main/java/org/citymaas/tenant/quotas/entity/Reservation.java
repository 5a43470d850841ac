package org.citymaas.tenant.quotas.entity;

import org.citymaas.tenant.departments.entity.TenantId;

/**
 * One request's hold on its department's quota, taken before the model runs; settled or released
 * afterwards.
 *
 * <p>An exact reservation (no {@code holder}) is already counted in the month's usage row; its
 * {@code ticket}, when not 0, is its row in {@code quota_reservation}, which names the instance that took
 * it and expires when that instance dies (the amount is then given back by another instance). A leased one
 * was served in memory from the quota lease of the portal instance {@code holder}; its {@code ticket}
 * names it in that instance's books, so that settling or releasing it twice (a group transaction rolled
 * back and retried alone) counts once there.
 *
 * @param tenant the department
 * @param model the catalog model
 * @param period the month it counts in
 * @param rows the rows reserved
 * @param holder the instance whose lease it was served from, or null for an exact reservation
 * @param ticket its number in the holder's books; for an exact reservation its {@code quota_reservation}
 *     row (0: not recorded there)
 */
public record Reservation(TenantId tenant, String model, QuotaPeriod period, long rows, String holder, long ticket) {

    /** An exact reservation, counted in the usage row when it was taken, not recorded as anyone's. */
    public Reservation(TenantId tenant, String model, QuotaPeriod period, long rows) {
        this(tenant, model, period, rows, null, 0);
    }

    /** Whether it was served from an instance's lease rather than counted in the usage row. */
    public boolean leased() {
        return holder != null;
    }
}
