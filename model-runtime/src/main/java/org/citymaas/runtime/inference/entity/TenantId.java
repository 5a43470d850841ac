package org.citymaas.runtime.inference.entity;

import java.util.Objects;

/** A department, as the {@code tenant} claim names it (e.g. {@code transport}). */
public record TenantId(String value) {

    public TenantId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("tenant id must not be blank");
        }
    }

    public static TenantId of(String value) {
        return new TenantId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
