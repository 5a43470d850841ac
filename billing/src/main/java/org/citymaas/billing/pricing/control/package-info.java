/**
 * Pricing arithmetic on plain values: which card is in force for a model, version and month
 * ({@code PriceBook}), what a month's quantities cost under it ({@code ChargeCalculator}), and where
 * amounts are rounded to the fen ({@code Rounding}). No database, no CDI: the statements that will
 * store and show these lines are built on top.
 */
package org.citymaas.billing.pricing.control;
