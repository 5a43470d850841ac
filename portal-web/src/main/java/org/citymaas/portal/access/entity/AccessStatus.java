package org.citymaas.portal.access.entity;

import java.util.Optional;

/** Where an access request stands. */
public enum AccessStatus {
    /** Waits for a platform admin. At most one per department and model. */
    PENDING,
    /** A platform admin subscribed the department to the model, with a monthly quota. */
    GRANTED,
    /** A platform admin said no, with a reason. */
    REFUSED;

    /** The status named, case-sensitively as the API writes it. */
    public static Optional<AccessStatus> of(String name) {
        for (var status : values()) {
            if (status.name().equals(name)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
