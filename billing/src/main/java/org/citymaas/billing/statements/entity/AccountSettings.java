package org.citymaas.billing.statements.entity;

import java.time.Instant;
import java.util.Objects;
import org.citymaas.tenant.departments.entity.TenantId;

/**
 * What billing keeps of a department's billing account: its cost centre and budget holder, and who
 * set them when. The department's names are tenant-core's; {@link #named} joins them.
 *
 * @param tenant the department
 * @param costCentre the finance system's cost centre
 * @param budgetHolder the user name of the person who accepts or disputes the department's drafts
 * @param updatedBy who set them
 * @param updatedAt when
 */
public record AccountSettings(
        TenantId tenant, String costCentre, String budgetHolder, String updatedBy, Instant updatedAt) {

    public AccountSettings {
        Objects.requireNonNull(tenant, "tenant");
        if (costCentre == null || costCentre.isBlank() || costCentre.length() > 40) {
            throw new IllegalArgumentException("a cost centre is 1-40 characters");
        }
        if (budgetHolder == null || budgetHolder.isBlank() || budgetHolder.length() > 100) {
            throw new IllegalArgumentException("a budget holder is 1-100 characters");
        }
        Objects.requireNonNull(updatedBy, "updated by");
        Objects.requireNonNull(updatedAt, "updated at");
    }

    /** The billing account, with the department's names as tenant-core has them. */
    public BillingAccount named(String nameZh, String nameEn) {
        return new BillingAccount(tenant, nameZh, nameEn, costCentre, budgetHolder);
    }
}
