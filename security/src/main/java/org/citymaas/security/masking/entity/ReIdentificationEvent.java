package org.citymaas.security.masking.entity;

import java.time.Instant;
import java.util.Set;

/**
 * What the audit log records for every re-identification attempt, granted or not. It never carries
 * the revealed value.
 */
public record ReIdentificationEvent(
        Instant at,
        String department,
        String caller,
        Set<String> roles,
        String reason,
        PiiType type,
        boolean granted,
        String outcome) {

    public ReIdentificationEvent {
        roles = Set.copyOf(roles);
    }
}
