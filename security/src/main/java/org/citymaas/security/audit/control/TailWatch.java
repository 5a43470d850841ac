package org.citymaas.security.audit.control;

import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.citymaas.security.audit.entity.BreakKind;
import org.citymaas.security.audit.entity.ChainBreak;
import org.citymaas.security.audit.entity.ChainedEvent;
import org.citymaas.security.audit.entity.Checkpoint;
import org.citymaas.security.audit.entity.Verification;

/**
 * Compares a verified chain with the latest checkpoint published outside the database: the one thing a
 * hash chain alone cannot show is that its newest events were cut off, together with the checkpoint
 * rows that signed them. Watches the events as the verifier reads them and remembers the hash at the
 * published seq.
 */
final class TailWatch implements Iterator<ChainedEvent> {

    private final Iterator<ChainedEvent> events;
    private final Checkpoint published;
    private String hashAtPublished;

    private TailWatch(Iterator<ChainedEvent> events, Checkpoint published) {
        this.events = events;
        this.published = published;
    }

    /** See {@link ChainVerifier#verify(long, String, Iterator, List, java.util.Optional)}. */
    static Verification verify(
            ChainVerifier verifier,
            long fromSeq,
            String anchorHash,
            Iterator<ChainedEvent> events,
            List<Checkpoint> checkpoints,
            Checkpoint published) {
        var forged = verifier.forgery(published);
        if (forged.isPresent()) {
            var b = forged.get();
            return new Verification(
                    fromSeq,
                    fromSeq - 1,
                    0,
                    0,
                    Optional.of(new ChainBreak(b.kind(), b.seq(), "published outside the database: " + b.reason())));
        }
        var tail = new TailWatch(events, published);
        var verdict = verifier.verify(fromSeq, anchorHash, tail, checkpoints);
        if (!verdict.ok()) {
            return verdict;
        }
        return tail.check(fromSeq, verdict.lastSeq())
                .map(b -> new Verification(
                        verdict.fromSeq(), verdict.lastSeq(), verdict.eventsVerified(), 0, Optional.of(b)))
                .orElse(verdict);
    }

    @Override
    public boolean hasNext() {
        return events.hasNext();
    }

    @Override
    public ChainedEvent next() {
        var event = events.next();
        if (event.seq() == published.seq() && hashAtPublished == null) {
            hashAtPublished = event.hash();
        }
        return event;
    }

    /**
     * The break against the published checkpoint, once the chain up to {@code lastSeq} verified: the
     * chain ends before the published seq, or its event there does not hash to the published head.
     */
    private Optional<ChainBreak> check(long fromSeq, long lastSeq) {
        var signedAt = CanonicalForm.instant(published.signedAt());
        if (lastSeq < published.seq()) {
            return Optional.of(new ChainBreak(
                    BreakKind.TRUNCATED,
                    lastSeq + 1,
                    "the chain ends at seq " + lastSeq + " but the checkpoint published outside the database at "
                            + signedAt + " covers it up to seq " + published.seq()));
        }
        if (published.seq() >= fromSeq && !published.headHash().equals(hashAtPublished)) {
            return Optional.of(new ChainBreak(
                    BreakKind.TAIL_MISMATCH,
                    published.seq(),
                    "the chain's hash at seq " + published.seq() + " is " + hashAtPublished
                            + ", not the head hash " + published.headHash()
                            + " published outside the database at " + signedAt));
        }
        return Optional.empty();
    }
}
