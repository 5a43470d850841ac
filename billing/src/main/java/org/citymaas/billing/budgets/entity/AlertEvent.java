package org.citymaas.billing.budgets.entity;

/** What happened to a budget alert. */
public enum AlertEvent {
    /** The value crossed the alert's threshold: the alert is active. */
    FIRED,
    /** The value dropped back below the threshold (a budget raise, a credit, a lower forecast). */
    RESOLVED
}
