package org.citymaas.security.audit.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.citymaas.security.audit.control.TestChains.chain;
import static org.citymaas.security.audit.control.TestChains.checkpoint;
import static org.citymaas.security.audit.control.TestChains.newKey;

import java.util.List;
import java.util.Optional;
import org.citymaas.security.audit.entity.BreakKind;
import org.citymaas.security.audit.entity.ChainBreak;
import org.citymaas.security.audit.entity.ChainedEvent;
import org.citymaas.security.audit.entity.Checkpoint;
import org.citymaas.security.audit.entity.Verification;
import org.junit.jupiter.api.Test;

/** The verifier against a checkpoint published outside the database, and against a key history. */
class PublishedTailTest {

    private final SigningKey key = newKey();
    private final ChainVerifier verifier = new ChainVerifier(key.publicKey());

    private Verification verify(List<ChainedEvent> events, List<Checkpoint> checkpoints, Checkpoint published) {
        return verifier.verify(1, ChainedEvent.GENESIS, events.iterator(), checkpoints, Optional.of(published));
    }

    private static ChainBreak broken(Verification v) {
        assertThat(v.ok()).as("verdict %s", v).isFalse();
        return v.firstBreak().orElseThrow();
    }

    @Test
    void acceptsAChainThatReachesThePublishedHead() {
        var events = chain(30);
        var published = checkpoint(key, events.get(24));
        assertThat(verify(events, List.of(published), published).ok()).isTrue();
    }

    @Test
    void namesTheTailCutWithItsCheckpointRowsAsTruncated() {
        var events = chain(30);
        var published = checkpoint(key, events.get(29));
        // the database lost events 26..30 and the checkpoint row at 30: alone, it verifies
        var cut = events.subList(0, 25);
        assertThat(verifier.verify(1, ChainedEvent.GENESIS, cut.iterator(), List.of())
                        .ok())
                .isTrue();

        var b = broken(verify(cut, List.of(), published));
        assertThat(b.kind()).isEqualTo(BreakKind.TRUNCATED);
        assertThat(b.seq()).isEqualTo(26);
        assertThat(b.reason()).contains("ends at seq 25", "published outside the database", "up to seq 30");
    }

    @Test
    void namesATailCutAndRewrittenAsATailMismatch() {
        var published = checkpoint(key, chain(30).get(29));
        // another chain of the same length: the events after some point were replaced
        var rewritten = new java.util.ArrayList<>(chain(25));
        String prev = rewritten.get(24).hash();
        for (int seq = 26; seq <= 30; seq++) {
            var e = TestChains.event(seq + 1000);
            var next = TestChains.rehashed(seq, e, prev);
            rewritten.add(next);
            prev = next.hash();
        }
        var b = broken(verify(rewritten, List.of(), published));
        assertThat(b.kind()).isEqualTo(BreakKind.TAIL_MISMATCH);
        assertThat(b.seq()).isEqualTo(30);
    }

    @Test
    void namesAPublishedCheckpointWithABadSignatureAsForged() {
        var events = chain(10);
        var real = checkpoint(key, events.get(9));
        var forged = new Checkpoint(12, real.headHash(), real.signedAt(), real.keyId(), real.signature());
        var b = broken(verify(events, List.of(real), forged));
        assertThat(b.kind()).isEqualTo(BreakKind.FORGED_CHECKPOINT);
        assertThat(b.seq()).isEqualTo(12);
        assertThat(b.reason()).startsWith("published outside the database");
    }

    @Test
    void aRangeBeforeThePublishedSeqIsNotCheckedForItsHash() {
        var events = chain(30);
        var published = checkpoint(key, events.get(29));
        var v = verifier.verify(
                21, events.get(19).hash(), events.subList(20, 30).iterator(), List.of(), Optional.of(published));
        assertThat(v.ok()).as("verdict %s", v).isTrue();
    }

    @Test
    void checkpointsUnderARotatedKeyVerifyOnlyWithTheKeyHistory() {
        var oldKey = newKey();
        var newKey = newKey();
        var events = chain(40);
        var checkpoints = List.of(checkpoint(oldKey, events.get(19)), checkpoint(newKey, events.get(39)));

        var withHistory = new ChainVerifier(KeyRing.of(List.of(oldKey.publicKey(), newKey.publicKey())))
                .verify(1, ChainedEvent.GENESIS, events.iterator(), checkpoints);
        assertThat(withHistory.ok()).as("verdict %s", withHistory).isTrue();
        assertThat(withHistory.checkpointsVerified()).isEqualTo(2);

        var b = broken(
                new ChainVerifier(newKey.publicKey()).verify(1, ChainedEvent.GENESIS, events.iterator(), checkpoints));
        assertThat(b.kind()).isEqualTo(BreakKind.FORGED_CHECKPOINT);
        assertThat(b.seq()).isEqualTo(20);
        assertThat(b.reason()).contains(oldKey.keyId());
    }

    @Test
    void aKeyRingReadsEveryPemBlockAndNamesItsKeys() {
        var first = newKey();
        var second = newKey();
        var ring = KeyRing.parsePem(first.publicKeyPem() + second.publicKeyPem());
        assertThat(ring.keyIds()).containsExactlyInAnyOrder(first.keyId(), second.keyId());
        assertThat(KeyRing.parsePem(ring.pem()).keyIds()).isEqualTo(ring.keyIds());
    }
}
