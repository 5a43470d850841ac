package org.citymaas.billing.pricing.entity;

/** Why a statement line is there. */
public enum LineKind {
    /** A unit's usage priced by its rate. */
    USAGE,
    /** What brings a subscription's month up to the card's monthly minimum. */
    MINIMUM_TRUE_UP,
    /** What makes the department totals, each rounded to the fen, add up to the city total. */
    ROUNDING
}
