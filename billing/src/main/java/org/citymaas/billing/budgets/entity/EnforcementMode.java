package org.citymaas.billing.budgets.entity;

/** What a budget does when the month-to-date cost reaches it. */
public enum EnforcementMode {
    /** Alerts only: requests go on being served beyond the budget. */
    SOFT,
    /** Alerts, and from 100% of the actual month-to-date cost new requests are refused (HTTP 402). */
    HARD
}
