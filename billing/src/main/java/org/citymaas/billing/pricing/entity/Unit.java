package org.citymaas.billing.pricing.entity;

/**
 * What a price is per: a request, an input row, or a second of compute on a CPU or a GPU; or an
 * explained row (one row of an {@code /explain} request: its answer and the attribution of it).
 * Requests and rows count inferences only, explanations only explained rows; compute seconds count
 * the compute of both.
 */
public enum Unit {
    REQUEST,
    ROW,
    CPU_SECOND,
    GPU_SECOND,
    EXPLANATION
}
