package org.citymaas.runtime.explain.entity;

/**
 * One input's share of a prediction (tabular models: one input tensor as named on the card, a vector input such as
 * {@code recent_counts} as one feature) or one token's (text models: the characters or word as given).
 *
 * @param feature the input's name, or the token's text
 * @param value its share, in the explained output's unit
 */
public record Attribution(String feature, double value) {}
