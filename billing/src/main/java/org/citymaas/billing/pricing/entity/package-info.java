/**
 * Price cards and what they charge, as values: a card prices a model (or one of its versions) from a
 * month onward, per {@link org.citymaas.billing.pricing.entity.Unit} with a
 * {@link org.citymaas.billing.pricing.entity.ChargeModel}; a month's charges come out as
 * {@link org.citymaas.billing.pricing.entity.ChargeLine}s in CNY. Constructors refuse what no price
 * may be (negative prices, unordered tiers, empty packages); the arithmetic lives in the control
 * package next door.
 */
package org.citymaas.billing.pricing.entity;
