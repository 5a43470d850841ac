package org.citymaas.billing.pricing.entity;

/**
 * How a rate turns a month's quantity into an amount. Tiers count the month's whole quantity, the
 * free allowance included; the allowance waives the first units.
 */
public enum ChargeModel {
    /** Every charged unit at one price. */
    PER_UNIT,
    /** Each charged unit at the price of the tier it falls in, plus the flat fee of each tier reached. */
    GRADUATED,
    /** Every charged unit at the price of the tier the month's quantity lands in, plus that tier's flat fee. */
    VOLUME,
    /** The price of one package per started block of the package size. */
    PACKAGE
}
