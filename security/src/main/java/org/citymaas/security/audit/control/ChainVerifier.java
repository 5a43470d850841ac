package org.citymaas.security.audit.control;

import java.security.PublicKey;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.citymaas.security.audit.entity.BreakKind;
import org.citymaas.security.audit.entity.ChainBreak;
import org.citymaas.security.audit.entity.ChainedEvent;
import org.citymaas.security.audit.entity.Checkpoint;
import org.citymaas.security.audit.entity.MalformedEventException;
import org.citymaas.security.audit.entity.Verification;

/**
 * Recomputes a chain from its events and names the first break. It trusts nothing stored but the
 * public key it is given: every hash is recomputed, every link and position checked, and every
 * checkpoint's signature verified and its head hash compared with the recomputed chain. Works on any
 * source of events in order (a database cursor, an evidence bundle), so the API and the offline
 * command give the same verdicts.
 */
public final class ChainVerifier {

    /** How far from its position a displaced event is looked for. */
    private static final int DISPLACEMENT_WINDOW = 64;

    private final KeyRing trustedKeys;

    /** Trusts one key: checkpoints signed with any other are forged. */
    public ChainVerifier(PublicKey trustedKey) {
        this(KeyRing.of(trustedKey));
    }

    /** Trusts a key history: each checkpoint must verify with the trusted key its key id names. */
    public ChainVerifier(KeyRing trustedKeys) {
        this.trustedKeys = trustedKeys;
    }

    /**
     * Verifies events as {@link #verify(long, String, Iterator, List)} does, then compares the chain
     * with the latest checkpoint published outside the database: a chain that ends before its seq is
     * {@link BreakKind#TRUNCATED}, one whose event there has another hash {@link BreakKind#TAIL_MISMATCH}.
     *
     * @param published the latest published checkpoint at or before the end of the verified range
     */
    public Verification verify(
            long fromSeq,
            String anchorHash,
            Iterator<ChainedEvent> events,
            List<Checkpoint> checkpoints,
            Optional<Checkpoint> published) {
        return published.isEmpty()
                ? verify(fromSeq, anchorHash, events, checkpoints)
                : TailWatch.verify(this, fromSeq, anchorHash, events, checkpoints, published.get());
    }

    /**
     * Verifies events that should run from {@code fromSeq} on.
     *
     * @param anchorHash the hash the event at {@code fromSeq} must link to: {@link ChainedEvent#GENESIS}
     *     from seq 1, else the stored hash of event {@code fromSeq - 1}, or null to take the link on trust
     * @param checkpoints the signed checkpoints whose seq falls in the verified range
     */
    public Verification verify(
            long fromSeq, String anchorHash, Iterator<ChainedEvent> events, List<Checkpoint> checkpoints) {
        var walk = new Walk(fromSeq, anchorHash);
        var forged = checkpoints.stream()
                .map(this::forgery)
                .flatMap(Optional::stream)
                .findFirst();
        if (forged.isPresent()) {
            return walk.result(forged.get(), checkpoints.size());
        }
        var signedHeads = new HashMap<Long, Checkpoint>();
        checkpoints.forEach(c ->
                signedHeads.merge(c.seq(), c, (a, b) -> a.headHash().equals(b.headHash()) ? a : b));
        var ahead = new Lookahead(events);
        while (ahead.hasNext()) {
            ChainedEvent event;
            try {
                event = ahead.next();
            } catch (MalformedEventException e) {
                return walk.result(new ChainBreak(BreakKind.FIELD_EDITED, e.seq(), e.getMessage()), checkpoints.size());
            }
            var broken = walk.check(event, ahead, signedHeads);
            if (broken.isPresent()) {
                return walk.result(broken.get(), checkpoints.size());
            }
        }
        long lastSeq = walk.expectedSeq - 1;
        var beyond = checkpoints.stream().filter(c -> c.seq() > lastSeq).findFirst();
        if (beyond.isPresent()) {
            var c = beyond.get();
            return walk.result(
                    new ChainBreak(
                            BreakKind.TRUNCATED,
                            lastSeq + 1,
                            "the chain ends at seq " + lastSeq + " but a checkpoint signed at "
                                    + CanonicalForm.instant(c.signedAt()) + " covers it up to seq " + c.seq()),
                    checkpoints.size());
        }
        return walk.result(null, checkpoints.size());
    }

    /** Why the checkpoint is not signed by a trusted key, if it is not. */
    public Optional<ChainBreak> forgery(Checkpoint c) {
        var key = trustedKeys.find(c.keyId());
        if (key.isEmpty()) {
            return Optional.of(new ChainBreak(
                    BreakKind.FORGED_CHECKPOINT,
                    c.seq(),
                    "checkpoint at seq " + c.seq() + " names key " + c.keyId() + ", not a trusted key "
                            + trustedKeys.keyIds()));
        }
        if (!SigningKey.verify(key.get(), CanonicalForm.checkpoint(c), c.signature())) {
            return Optional.of(new ChainBreak(
                    BreakKind.FORGED_CHECKPOINT,
                    c.seq(),
                    "the signature of the checkpoint at seq " + c.seq() + " does not verify with the trusted key "
                            + c.keyId()));
        }
        return Optional.empty();
    }

    /** The state of one pass over the chain. */
    private static final class Walk {
        private final long fromSeq;
        private long expectedSeq;
        private String expectedPrev;
        private ChainedEvent previous;
        private long verified;

        Walk(long fromSeq, String anchorHash) {
            this.fromSeq = fromSeq;
            this.expectedSeq = fromSeq;
            this.expectedPrev = anchorHash;
        }

        Optional<ChainBreak> check(ChainedEvent e, Lookahead rest, Map<Long, Checkpoint> signedHeads) {
            if (!CanonicalForm.hash(e.seq(), e.event(), e.prevHash()).equals(e.hash())) {
                return Optional.of(selfHashBroken(e));
            }
            if (e.seq() != expectedSeq) {
                return Optional.of(outOfPlace(e, rest));
            }
            if (expectedPrev != null && !e.prevHash().equals(expectedPrev)) {
                return Optional.of(linkBroken(e, rest));
            }
            var signed = signedHeads.get(e.seq());
            if (signed != null && !signed.headHash().equals(e.hash())) {
                return Optional.of(new ChainBreak(
                        BreakKind.CHECKPOINT_MISMATCH,
                        e.seq(),
                        "the chain's hash at seq " + e.seq() + " is not the one signed at "
                                + CanonicalForm.instant(signed.signedAt())
                                + ": events up to it were rewritten and rehashed"));
            }
            previous = e;
            expectedSeq++;
            expectedPrev = e.hash();
            verified++;
            return Optional.empty();
        }

        private ChainBreak selfHashBroken(ChainedEvent e) {
            for (int d = 1; d <= DISPLACEMENT_WINDOW; d++) {
                for (long writtenAt : new long[] {e.seq() - d, e.seq() + d}) {
                    if (writtenAt > 0
                            && CanonicalForm.hash(writtenAt, e.event(), e.prevHash())
                                    .equals(e.hash())) {
                        if (sharesPredecessorWithPrevious(e)) {
                            return inserted(e);
                        }
                        return new ChainBreak(
                                BreakKind.REORDERED,
                                e.seq(),
                                "the event at seq " + e.seq() + " was written at seq " + writtenAt);
                    }
                }
            }
            return new ChainBreak(
                    BreakKind.FIELD_EDITED, e.seq(), "the content of event " + e.seq() + " does not match its hash");
        }

        private ChainBreak outOfPlace(ChainedEvent e, Lookahead rest) {
            if (e.seq() < expectedSeq) {
                if (sharesPredecessorWithPrevious(e)) {
                    return inserted(e);
                }
                return new ChainBreak(
                        BreakKind.REORDERED, e.seq(), "event " + e.seq() + " comes after event " + (expectedSeq - 1));
            }
            if (rest.peek().filter(next -> next.seq() == expectedSeq).isPresent()) {
                return new ChainBreak(
                        BreakKind.REORDERED, e.seq(), "event " + e.seq() + " comes before event " + expectedSeq);
            }
            return new ChainBreak(
                    BreakKind.MISSING_EVENT,
                    expectedSeq,
                    (e.seq() - expectedSeq == 1
                                    ? "event " + expectedSeq + " is missing"
                                    : "events " + expectedSeq + ".." + (e.seq() - 1) + " are missing")
                            + ": the next event present is " + e.seq());
        }

        private ChainBreak linkBroken(ChainedEvent e, Lookahead rest) {
            if (sharesPredecessorWithPrevious(e)) {
                return inserted(e);
            }
            if (rest.peek().filter(next -> next.hash().equals(e.prevHash())).isPresent()) {
                return new ChainBreak(
                        BreakKind.REORDERED, e.seq(), "event " + e.seq() + " comes before the event it follows");
            }
            if (previous == null) {
                return new ChainBreak(
                        BreakKind.MISSING_EVENT, e.seq(), "event " + e.seq() + " does not link to the chain before it");
            }
            return new ChainBreak(
                    BreakKind.FIELD_EDITED,
                    previous.seq(),
                    "event " + previous.seq() + " was rewritten and rehashed: event " + e.seq()
                            + " still links to its original hash");
        }

        private boolean sharesPredecessorWithPrevious(ChainedEvent e) {
            return previous != null && previous.prevHash().equals(e.prevHash());
        }

        private ChainBreak inserted(ChainedEvent e) {
            return new ChainBreak(
                    BreakKind.INSERTED,
                    previous.seq(),
                    "event " + previous.seq() + " was never appended: event " + e.seq() + " links past it to event "
                            + (previous.seq() - 1));
        }

        Verification result(ChainBreak broken, int checkpoints) {
            return new Verification(
                    fromSeq, expectedSeq - 1, verified, broken == null ? checkpoints : 0, Optional.ofNullable(broken));
        }
    }

    /** An iterator that can look one event ahead. */
    private static final class Lookahead implements Iterator<ChainedEvent> {
        private final Iterator<ChainedEvent> events;
        private ChainedEvent ahead;

        Lookahead(Iterator<ChainedEvent> events) {
            this.events = events;
        }

        @Override
        public boolean hasNext() {
            return ahead != null || events.hasNext();
        }

        @Override
        public ChainedEvent next() {
            if (ahead != null) {
                var e = ahead;
                ahead = null;
                return e;
            }
            return events.next();
        }

        Optional<ChainedEvent> peek() {
            if (ahead == null) {
                try {
                    if (!events.hasNext()) {
                        return Optional.empty();
                    }
                    ahead = events.next();
                } catch (MalformedEventException e) {
                    return Optional.empty();
                }
            }
            return Optional.of(ahead);
        }
    }
}
