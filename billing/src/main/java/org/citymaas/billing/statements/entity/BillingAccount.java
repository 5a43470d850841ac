package org.citymaas.billing.statements.entity;

import java.util.Objects;
import org.citymaas.tenant.departments.entity.TenantId;

/**
 * Who a statement is addressed to, as it stood when the statement was made.
 *
 * @param tenant the department
 * @param nameZh its Chinese name
 * @param nameEn its English name
 * @param costCentre the finance system's cost centre the department is charged to
 * @param budgetHolder the person who accepts or disputes the department's statements
 */
public record BillingAccount(TenantId tenant, String nameZh, String nameEn, String costCentre, String budgetHolder) {

    public BillingAccount {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(nameZh, "Chinese name");
        Objects.requireNonNull(nameEn, "English name");
        Objects.requireNonNull(costCentre, "cost centre");
        Objects.requireNonNull(budgetHolder, "budget holder");
    }
}
