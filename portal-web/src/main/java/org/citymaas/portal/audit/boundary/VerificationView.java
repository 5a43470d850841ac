package org.citymaas.portal.audit.boundary;

import org.citymaas.security.audit.entity.Verification;

/**
 * The verdict on a range of the audit chain.
 *
 * @param status {@code OK} or {@code BROKEN}
 * @param fromSeq the first event checked
 * @param lastSeq the last event that passed
 * @param eventsVerified events that passed
 * @param checkpointsVerified signed checkpoints that passed
 * @param breakKind the kind of the first break, or null
 * @param breakSeq the event the first break names, or null
 * @param reason why, or null
 */
public record VerificationView(
        String status,
        long fromSeq,
        long lastSeq,
        long eventsVerified,
        int checkpointsVerified,
        String breakKind,
        Long breakSeq,
        String reason) {

    static VerificationView of(Verification v) {
        var broken = v.firstBreak();
        return new VerificationView(
                v.ok() ? "OK" : "BROKEN",
                v.fromSeq(),
                v.lastSeq(),
                v.eventsVerified(),
                v.checkpointsVerified(),
                broken.map(b -> b.kind().name()).orElse(null),
                broken.map(b -> b.seq()).orElse(null),
                broken.map(b -> b.reason()).orElse(null));
    }
}
