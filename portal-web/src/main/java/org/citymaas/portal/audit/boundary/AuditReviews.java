package org.citymaas.portal.audit.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.citymaas.security.audit.boundary.AuditLog;
import org.citymaas.security.audit.entity.Checkpoint;
import org.citymaas.security.identity.entity.Caller;

/**
 * The auditors' reads of the chain itself, for the API and the pages alike: verifying a range, one
 * event with the checkpoint that covers it, the signed checkpoints and the key history. Each read is
 * recorded in the audit log (who, which range or position) as it is made.
 */
@ApplicationScoped
public class AuditReviews {

    /** Checkpoints per page of the list. */
    public static final int CHECKPOINTS_PER_PAGE = 50;

    @Inject
    AuditTrail trail;

    @Inject
    AuditLog log;

    /** An event with the checkpoint signed so far that covers it (empty: not yet covered). */
    public record EventDetail(AuditEventView event, Optional<Checkpoint> coveredBy) {}

    /**
     * A public key that has signed checkpoints.
     *
     * @param keyId lowercase hex SHA-256 of its X.509 encoding: the key's fingerprint
     * @param current whether it signs the checkpoints now
     */
    public record KeyEntry(String keyId, boolean current, String pem) {}

    /** Verifies the events {@code from..to} (defaults: 1 and the head) and records that the caller did. */
    public VerificationView verify(Caller auditor, Long from, Long to) {
        var first = from == null ? 1 : Math.max(1, from);
        var last = to == null ? Long.MAX_VALUE : to;
        var verdict = VerificationView.of(trail.verify(first, last));
        trail.record(AuditTrail.by(auditor)
                .action("audit.verify")
                .resource("v1/audit/verify")
                .outcome("OK", 200)
                .summary("seq " + first + ".." + (to == null ? "head" : to) + ": " + verdict.status()
                        + (verdict.breakSeq() == null
                                ? ", " + verdict.eventsVerified() + " events"
                                : " " + verdict.breakKind() + " at seq " + verdict.breakSeq()))
                .build());
        return verdict;
    }

    /** The event at {@code seq} (empty when the chain does not hold it), the read recorded either way. */
    public Optional<EventDetail> event(Caller auditor, long seq) {
        var found = log.event(seq)
                .map(e -> new EventDetail(
                        AuditEventView.of(e), trail.checkpoints().signedCovering(seq)));
        trail.record(AuditTrail.by(auditor)
                .action("audit.event")
                .resource("v1/audit/events/" + seq)
                .outcome(found.isPresent() ? "OK" : "NOT_FOUND", found.isPresent() ? 200 : 404)
                .summary("seq " + seq)
                .build());
        return found;
    }

    /** A page of the signed checkpoints below {@code beforeSeq} (null: from the newest), the read recorded. */
    public List<Checkpoint> checkpoints(Caller auditor, Long beforeSeq) {
        var before = beforeSeq == null ? Long.MAX_VALUE : beforeSeq;
        var page = trail.checkpoints().newest(before, CHECKPOINTS_PER_PAGE);
        trail.record(AuditTrail.by(auditor)
                .action("audit.checkpoints")
                .resource("v1/audit/checkpoints")
                .outcome("OK", 200)
                .summary((beforeSeq == null ? "newest" : "before seq " + beforeSeq) + ", " + page.size()
                        + " checkpoints")
                .build());
        return page;
    }

    /** Every public key that has signed checkpoints, the current one first. */
    public List<KeyEntry> keyHistory() {
        var current = trail.checkpoints().currentKeyId();
        return trail.checkpoints().trustedKeys().stream()
                .map(k -> new KeyEntry(k.keyId(), k.keyId().equals(current), k.pem()))
                .sorted((a, b) -> Boolean.compare(b.current(), a.current()))
                .toList();
    }
}
