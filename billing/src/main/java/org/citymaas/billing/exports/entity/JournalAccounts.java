package org.citymaas.billing.exports.entity;

import java.util.Objects;

/**
 * The finance system's accounts the journal posts to: each department's cost centre is debited on the
 * internal-chargeback expense account, and the platform's cost centre is credited the month's total on
 * its recovery account, so that the journal sums to zero. The codes are the city's chart of accounts;
 * {@link #DEFAULTS} are placeholders to be replaced by configuration.
 *
 * @param expenseAccount the departments' internal-chargeback expense account
 * @param recoveryAccount the platform's account that recovers what the departments are charged
 * @param platformCostCentre the cost centre of the platform (the city's IT service) that recovers it
 * @param platformName how the balancing line names the platform in the Department column
 */
public record JournalAccounts(
        String expenseAccount, String recoveryAccount, String platformCostCentre, String platformName) {

    /** Placeholders, named for what they stand for, until the city configures its own codes. */
    public static final JournalAccounts DEFAULTS =
            new JournalAccounts("IT-CHARGEBACK-EXPENSE", "IT-CHARGEBACK-RECOVERY", "CITYMAAS-PLATFORM", "CityMaaS");

    public JournalAccounts {
        requireText(expenseAccount, "expense account");
        requireText(recoveryAccount, "recovery account");
        requireText(platformCostCentre, "platform cost centre");
        requireText(platformName, "platform name");
        if (expenseAccount.equals(recoveryAccount)) {
            throw new IllegalArgumentException("the expense and the recovery account must differ, else the journal"
                    + " posts nothing: " + expenseAccount);
        }
    }

    private static void requireText(String value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isBlank()) {
            throw new IllegalArgumentException("the journal's " + what + " is blank");
        }
    }
}
