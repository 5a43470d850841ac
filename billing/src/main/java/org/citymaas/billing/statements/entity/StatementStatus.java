package org.citymaas.billing.statements.entity;

/** Where a department's month stands. */
public enum StatementStatus {
    /** The month is running: a month-to-date estimate, computed on demand and never stored. */
    OPEN,
    /**
     * The month has ended: within the grace window late usage still refreshes it, and the
     * department's budget holder may accept or dispute it.
     */
    DRAFT,
    /** Final and immutable, with a gapless number per fiscal year. */
    ISSUED,
    /** Withdrawn with a reason; keeps its number. */
    VOID;

    /** Whether the statement may still change. */
    public boolean isFinal() {
        return this == ISSUED || this == VOID;
    }
}
