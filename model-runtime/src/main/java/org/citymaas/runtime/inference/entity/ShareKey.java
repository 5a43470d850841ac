package org.citymaas.runtime.inference.entity;

import java.util.Objects;

/**
 * The key the scheduler shares the runtime fairly by: requests with the same key wait in the same queues
 * and share one weight and one virtual time. The portal uses the department's id (e.g. {@code transport});
 * the runtime knows nothing else of departments.
 */
public record ShareKey(String value) {

    public ShareKey {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("share key must not be blank");
        }
    }

    public static ShareKey of(String value) {
        return new ShareKey(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
