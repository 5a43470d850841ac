package org.citymaas.portal.billing.entity;

import org.citymaas.billing.statements.entity.BillingAccount;

/**
 * A department's billing account as the API shows it.
 *
 * @param department the department's id
 * @param nameZh its Chinese name
 * @param nameEn its English name
 * @param costCentre its cost centre
 * @param budgetHolder its budget holder
 */
public record AccountView(String department, String nameZh, String nameEn, String costCentre, String budgetHolder) {

    public static AccountView of(BillingAccount account) {
        return new AccountView(
                account.tenant().value(),
                account.nameZh(),
                account.nameEn(),
                account.costCentre(),
                account.budgetHolder());
    }
}
