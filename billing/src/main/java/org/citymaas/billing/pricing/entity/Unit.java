package org.citymaas.billing.pricing.entity;

/** What a price is per: a request, an input row, or a second of compute on a CPU or a GPU. */
public enum Unit {
    REQUEST,
    ROW,
    CPU_SECOND,
    GPU_SECOND
}
