package org.citymaas.security.audit.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.citymaas.security.audit.control.TestChains.chain;
import static org.citymaas.security.audit.control.TestChains.checkpoint;
import static org.citymaas.security.audit.control.TestChains.newKey;
import static org.citymaas.security.audit.control.TestChains.rehashed;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.citymaas.security.audit.entity.AuditEvent;
import org.citymaas.security.audit.entity.BreakKind;
import org.citymaas.security.audit.entity.ChainBreak;
import org.citymaas.security.audit.entity.ChainedEvent;
import org.citymaas.security.audit.entity.Checkpoint;
import org.citymaas.security.audit.entity.Verification;
import org.junit.jupiter.api.Test;

class ChainVerifierTest {

    private final SigningKey key = newKey();
    private final ChainVerifier verifier = new ChainVerifier(key.publicKey());

    private Verification verify(List<ChainedEvent> events, List<Checkpoint> checkpoints) {
        return verifier.verify(1, ChainedEvent.GENESIS, events.iterator(), checkpoints);
    }

    private static ChainBreak broken(Verification v) {
        assertThat(v.ok()).as("verdict %s", v).isFalse();
        return v.firstBreak().orElseThrow();
    }

    @Test
    void acceptsAnIntactChainWithItsCheckpoints() {
        var events = chain(50);
        var v = verify(events, List.of(checkpoint(key, events.get(19)), checkpoint(key, events.get(49))));
        assertThat(v.ok()).isTrue();
        assertThat(v.eventsVerified()).isEqualTo(50);
        assertThat(v.checkpointsVerified()).isEqualTo(2);
        assertThat(v.lastSeq()).isEqualTo(50);
    }

    @Test
    void acceptsAnEmptyChain() {
        assertThat(verify(List.of(), List.of()).ok()).isTrue();
    }

    @Test
    void namesAnEditedField() {
        var events = new ArrayList<>(chain(10));
        var e = events.get(4);
        var edited = new AuditEvent(
                e.event().occurredAt(),
                "mallory",
                e.event().actorType(),
                e.event().tenant(),
                e.event().action(),
                e.event().resource(),
                e.event().outcome(),
                e.event().httpStatus(),
                e.event().clientAddress(),
                e.event().requestId(),
                e.event().requestDigest(),
                e.event().responseDigest(),
                e.event().summary());
        events.set(4, new ChainedEvent(5, edited, e.prevHash(), e.hash()));
        assertThat(broken(verify(events, List.of())))
                .extracting(ChainBreak::kind, ChainBreak::seq)
                .containsExactly(BreakKind.FIELD_EDITED, 5L);
    }

    @Test
    void namesAnEventRewrittenAndRehashed() {
        var events = new ArrayList<>(chain(10));
        var e = events.get(4);
        var edited = AuditEvent.builder()
                .occurredAt(e.event().occurredAt())
                .actor("mallory", e.event().actorType())
                .action(e.event().action())
                .resource(e.event().resource())
                .outcome("OK", 200)
                .build();
        events.set(4, rehashed(5, edited, e.prevHash()));
        assertThat(broken(verify(events, List.of())))
                .extracting(ChainBreak::kind, ChainBreak::seq)
                .containsExactly(BreakKind.FIELD_EDITED, 5L);
    }

    @Test
    void namesAMissingEvent() {
        var events = new ArrayList<>(chain(10));
        events.remove(6);
        assertThat(broken(verify(events, List.of())))
                .extracting(ChainBreak::kind, ChainBreak::seq)
                .containsExactly(BreakKind.MISSING_EVENT, 7L);
    }

    @Test
    void namesAMissingFirstEvent() {
        var events = new ArrayList<>(chain(10));
        events.remove(0);
        assertThat(broken(verify(events, List.of())).kind()).isEqualTo(BreakKind.MISSING_EVENT);
    }

    @Test
    void namesEventsListedOutOfOrder() {
        var events = new ArrayList<>(chain(10));
        Collections.swap(events, 3, 4);
        assertThat(broken(verify(events, List.of())))
                .extracting(ChainBreak::kind, ChainBreak::seq)
                .containsExactly(BreakKind.REORDERED, 5L);
    }

    @Test
    void namesEventsRenumberedIntoAnotherOrder() {
        var original = chain(10);
        var events = new ArrayList<>(original);
        var fourth = original.get(3);
        var fifth = original.get(4);
        events.set(3, new ChainedEvent(4, fifth.event(), fifth.prevHash(), fifth.hash()));
        events.set(4, new ChainedEvent(5, fourth.event(), fourth.prevHash(), fourth.hash()));
        assertThat(broken(verify(events, List.of())))
                .extracting(ChainBreak::kind, ChainBreak::seq)
                .containsExactly(BreakKind.REORDERED, 4L);
    }

    @Test
    void namesAnInsertedEvent() {
        var original = chain(10);
        var events = new ArrayList<>(original.subList(0, 4));
        var forged = rehashed(5, TestChains.event(99), original.get(3).hash());
        events.add(forged);
        // the insider shifts the rest up by one without being able to rehash them all consistently
        for (var e : original.subList(4, 10)) {
            events.add(new ChainedEvent(e.seq() + 1, e.event(), e.prevHash(), e.hash()));
        }
        assertThat(broken(verify(events, List.of())))
                .extracting(ChainBreak::kind, ChainBreak::seq)
                .containsExactly(BreakKind.INSERTED, 5L);
    }

    @Test
    void namesAnEventInsertedInABundleWithADuplicateSeq() {
        var original = chain(10);
        var events = new ArrayList<>(original.subList(0, 4));
        events.add(rehashed(5, TestChains.event(99), original.get(3).hash()));
        events.addAll(original.subList(4, 10));
        assertThat(broken(verify(events, List.of())))
                .extracting(ChainBreak::kind, ChainBreak::seq)
                .containsExactly(BreakKind.INSERTED, 5L);
    }

    @Test
    void namesATailCutBeforeTheLatestCheckpoint() {
        var events = chain(10);
        var checkpoint = checkpoint(key, events.get(9));
        assertThat(broken(verify(events.subList(0, 7), List.of(checkpoint))))
                .extracting(ChainBreak::kind, ChainBreak::seq)
                .containsExactly(BreakKind.TRUNCATED, 8L);
    }

    @Test
    void namesACheckpointWithABadSignature() {
        var events = chain(10);
        var real = checkpoint(key, events.get(9));
        var forged = new Checkpoint(10, "f".repeat(64), real.signedAt(), real.keyId(), real.signature());
        assertThat(broken(verify(events, List.of(forged))))
                .extracting(ChainBreak::kind, ChainBreak::seq)
                .containsExactly(BreakKind.FORGED_CHECKPOINT, 10L);
    }

    @Test
    void namesACheckpointSignedWithAnotherKey() {
        var events = chain(10);
        var other = checkpoint(newKey(), events.get(9));
        assertThat(broken(verify(events, List.of(other))).kind()).isEqualTo(BreakKind.FORGED_CHECKPOINT);
    }

    @Test
    void namesAChainRewrittenConsistentlyUnderASignedCheckpoint() {
        var original = chain(10);
        var checkpoint = checkpoint(key, original.get(9));
        var events = new ArrayList<>(original.subList(0, 2));
        String prev = events.get(1).hash();
        for (int seq = 3; seq <= 10; seq++) {
            var e = rehashed(seq, TestChains.event(seq + 100), prev);
            events.add(e);
            prev = e.hash();
        }
        assertThat(broken(verify(events, List.of(checkpoint))))
                .extracting(ChainBreak::kind, ChainBreak::seq)
                .containsExactly(BreakKind.CHECKPOINT_MISMATCH, 10L);
    }

    @Test
    void verifiesARangeFromItsAnchor() {
        var events = chain(20);
        var v = verifier.verify(11, events.get(9).hash(), events.subList(10, 20).iterator(), List.of());
        assertThat(v.ok()).isTrue();
        assertThat(v.eventsVerified()).isEqualTo(10);
        var wrongAnchor =
                verifier.verify(11, events.get(8).hash(), events.subList(10, 20).iterator(), List.of());
        assertThat(wrongAnchor.ok()).isFalse();
    }
}
