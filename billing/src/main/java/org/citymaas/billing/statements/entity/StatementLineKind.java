package org.citymaas.billing.statements.entity;

/** Why a statement line is there. */
public enum StatementLineKind {
    /** A unit's usage of a model version, priced by the card in force. */
    USAGE,
    /** What brings a subscription's month up to its card's monthly minimum. */
    MINIMUM_TRUE_UP,
    /**
     * A debit (or, negative, a credit) for usage of an earlier, already issued month that the issued
     * statement did not contain; it names the statement it corrects.
     */
    CORRECTION
}
