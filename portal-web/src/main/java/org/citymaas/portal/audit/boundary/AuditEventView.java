package org.citymaas.portal.audit.boundary;

import java.time.ZoneId;
import org.citymaas.security.audit.entity.ChainedEvent;

/**
 * An audit event as the search API shows it: its place in the chain and its hashes, the time in the
 * city (Asia/Shanghai, with its offset), and the event's fields, which hold structure, never text.
 */
public record AuditEventView(
        long seq,
        String occurredAt,
        String actor,
        String actorType,
        String department,
        String action,
        String resource,
        String outcome,
        Integer httpStatus,
        String clientAddress,
        String requestId,
        String requestDigest,
        String responseDigest,
        String summary,
        String prevHash,
        String hash) {

    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

    public static AuditEventView of(ChainedEvent chained) {
        var e = chained.event();
        return new AuditEventView(
                chained.seq(),
                e.occurredAt().atZone(CITY).toOffsetDateTime().toString(),
                e.actor(),
                e.actorType().code(),
                e.tenant() == null ? null : e.tenant().value(),
                e.action(),
                e.resource(),
                e.outcome(),
                e.httpStatus(),
                e.clientAddress(),
                e.requestId(),
                e.requestDigest(),
                e.responseDigest(),
                e.summary(),
                chained.prevHash(),
                chained.hash());
    }
}
