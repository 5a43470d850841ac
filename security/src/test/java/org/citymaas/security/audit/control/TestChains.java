package org.citymaas.security.audit.control;

import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.citymaas.security.audit.entity.ActorType;
import org.citymaas.security.audit.entity.AuditEvent;
import org.citymaas.security.audit.entity.ChainedEvent;
import org.citymaas.security.audit.entity.Checkpoint;
import org.citymaas.tenant.departments.entity.TenantId;

/** Builds chains and checkpoints in memory, the way the appender and the signer do. */
final class TestChains {

    private TestChains() {}

    static AuditEvent event(int n) {
        return AuditEvent.builder()
                .occurredAt(Instant.parse("2026-11-25T08:00:00Z").plusNanos(n * 1_000_123L))
                .actor("staff-" + n, ActorType.USER)
                .tenant(new TenantId("transport"))
                .action("inference.request")
                .resource("models/traffic-flow/versions/1")
                .outcome("OK", 200)
                .clientAddress("10.0.0." + (n % 250))
                .requestId("req-" + n)
                .digests(AuditEvent.digest(("in" + n).getBytes()), AuditEvent.digest(("out" + n).getBytes()))
                .summary("rows=1 masked=[ID_CARD]")
                .build();
    }

    static List<ChainedEvent> chain(int length) {
        var chain = new ArrayList<ChainedEvent>();
        String prev = ChainedEvent.GENESIS;
        for (int seq = 1; seq <= length; seq++) {
            var e = event(seq);
            var hash = CanonicalForm.hash(seq, e, prev);
            chain.add(new ChainedEvent(seq, e, prev, hash));
            prev = hash;
        }
        return chain;
    }

    static ChainedEvent rehashed(long seq, AuditEvent e, String prev) {
        return new ChainedEvent(seq, e, prev, CanonicalForm.hash(seq, e, prev));
    }

    static SigningKey newKey() {
        try {
            return SigningKey.of(KeyPairGenerator.getInstance("Ed25519").generateKeyPair());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Checkpoint checkpoint(SigningKey key, ChainedEvent head) {
        var unsigned = new Checkpoint(head.seq(), head.hash(), Instant.parse("2026-11-25T09:00:00Z"), key.keyId(), "");
        return new Checkpoint(
                head.seq(),
                head.hash(),
                unsigned.signedAt(),
                key.keyId(),
                key.sign(CanonicalForm.checkpoint(unsigned)));
    }
}
