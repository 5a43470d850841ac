package org.citymaas.security.audit.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.citymaas.security.audit.boundary.AuditDatabase.event;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.citymaas.security.audit.control.ChainReader;
import org.citymaas.security.audit.control.EventAppender;
import org.citymaas.security.audit.control.SigningKey;
import org.citymaas.security.audit.entity.ActorType;
import org.citymaas.security.audit.entity.AuditEvent;
import org.citymaas.security.audit.entity.AuditException;
import org.citymaas.tenant.departments.entity.TenantId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditLogIT {

    private final AuditDatabase db = new AuditDatabase();

    @TempDir
    Path keys;

    @BeforeEach
    void newChain() throws SQLException {
        db.reset();
    }

    @AfterAll
    void stop() {
        db.close();
    }

    @Test
    void appendsEventsThatReadBackUnchangedAndVerify() throws Exception {
        var log = new AuditLog(db.app());
        var anonymous = AuditEvent.builder()
                .actor("anonymous", ActorType.ANONYMOUS)
                .action("inference.request")
                .resource("models/x")
                .outcome("DENIED", 401)
                .summary("名字: [NAME] 电话: [PHONE] \uD83D\uDE00")
                .build();
        var first = log.record(anonymous);
        var batch = log.recordAll(
                IntStream.range(0, 20).mapToObj(i -> event("r" + i)).toList());
        assertThat(first.seq()).isEqualTo(1);
        assertThat(batch)
                .extracting(e -> e.seq())
                .containsExactlyElementsOf(
                        IntStream.rangeClosed(2, 21).mapToObj(Long::valueOf).toList());

        try (var c = db.app().getConnection()) {
            c.setAutoCommit(false);
            var stored = new ArrayList<>();
            try (var events = ChainReader.events(c, 1, Long.MAX_VALUE)) {
                events.forEachRemaining(stored::add);
            }
            assertThat(stored.get(0)).isEqualTo(first);
            assertThat(stored.subList(1, 21)).isEqualTo(batch);
        }
        var checkpoints = new AuditCheckpoints(db.app(), keys);
        var verdict = new AuditEvidence(db.app(), checkpoints.key().publicKey()).verifyAll();
        assertThat(verdict.ok()).as("%s", verdict).isTrue();
        assertThat(verdict.eventsVerified()).isEqualTo(21);
    }

    @Test
    void aLongBatchIsOneTransactionOfConsecutiveEvents() throws Exception {
        var transactions = new ThreadTransactions(db.app());
        var log = new AuditLog(transactions.dataSource());
        transactions.begin();
        log.appendAll(IntStream.range(0, 250).mapToObj(i -> event("gone" + i)).toList());
        transactions.rollback();
        assertThat(db.count("SELECT count(*) FROM audit_event")).isZero();

        var batch = log.recordAll(
                IntStream.range(0, 250).mapToObj(i -> event("b" + i)).toList());
        assertThat(batch)
                .extracting(e -> e.event().requestId())
                .containsExactlyElementsOf(
                        IntStream.range(0, 250).mapToObj(i -> "b" + i).toList());
        assertThat(batch.get(249).seq()).isEqualTo(250);
        var key = new AuditCheckpoints(db.app(), keys).key();
        assertThat(new AuditEvidence(db.app(), key.publicKey()).verifyAll().eventsVerified())
                .isEqualTo(250);
    }

    @Test
    void theAppRoleCanAppendAndReadButNeverChangeOrRemoveEvents() throws Exception {
        new AuditLog(db.app()).record(event("r1"));
        try (var app = db.app().getConnection();
                var s = app.createStatement()) {
            assertThat(s.executeQuery("SELECT count(*) FROM audit_event").next())
                    .isTrue();
            assertThatThrownBy(() -> s.executeUpdate("UPDATE audit_event SET actor = 'someone else'"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> s.executeUpdate("DELETE FROM audit_event"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> s.execute("TRUNCATE audit_event"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> s.executeUpdate("UPDATE audit_checkpoint SET head_hash = head_hash"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("permission denied");
        }
        assertThat(db.count("SELECT count(*) FROM audit_event WHERE actor = 'zhang.wei'"))
                .isEqualTo(1);
    }

    @Test
    void triggersRefuseChangesEvenForTheOwner() throws Exception {
        new AuditLog(db.app()).record(event("r1"));
        try (var owner = db.owner().getConnection();
                var s = owner.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("UPDATE audit_event SET actor = 'x'"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.executeUpdate("DELETE FROM audit_event")).hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.execute("TRUNCATE audit_event")).hasMessageContaining("append-only");
        }
    }

    @Test
    void anAppendInTheCallersTransactionCommitsAndRollsBackWithIt() throws Exception {
        var transactions = new ThreadTransactions(db.app());
        var log = new AuditLog(transactions.dataSource());
        transactions.begin();
        log.append(event("rolled-back"));
        assertThat(db.count("SELECT count(*) FROM audit_event"))
                .as("not visible before commit")
                .isZero();
        transactions.rollback();
        assertThat(db.count("SELECT count(*) FROM audit_event")).isZero();

        transactions.begin();
        var kept = log.append(event("kept"));
        transactions.commit();
        assertThat(kept.seq()).as("a rolled-back append leaves no gap").isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM audit_event WHERE request_id = 'kept'"))
                .isEqualTo(1);
    }

    @Test
    void readsAnActorsNewestEventsAndWhereEachRequestIdFirstSucceeded() {
        var log = new AuditLog(db.app());
        var first = log.record(eventOf("zhang.wei", ActorType.USER, "transport", "inference.request", "OK", "r1"));
        var refused =
                log.record(eventOf("zhang.wei", ActorType.USER, "transport", "inference.request", "REJECTED", "r2"));
        var colleagues = log.record(eventOf("li.na", ActorType.USER, "transport", "inference.request", "OK", "r3"));
        log.record(eventOf("zhang.wei", ActorType.SERVICE, "transport", "inference.request", "OK", "r4"));
        log.record(eventOf("zhang.wei", ActorType.USER, "education", "inference.request", "OK", "r5"));
        log.record(eventOf("zhang.wei", ActorType.USER, "transport", "subscription.grant", "OK", null));
        var retry = log.record(eventOf("zhang.wei", ActorType.USER, "transport", "inference.request", "OK", "r1"));

        assertThat(log.eventsOf("zhang.wei", ActorType.USER, new TenantId("transport"), "inference.request", 10))
                .as("newest first, only this actor's requests in this department")
                .containsExactly(retry, refused, first);
        assertThat(log.eventsOf("zhang.wei", ActorType.USER, new TenantId("transport"), "inference.request", 2))
                .containsExactly(retry, refused);
        assertThat(log.firstOutcomes(
                        new TenantId("transport"), "inference.request", "OK", List.of("r1", "r2", "r3", "r9")))
                .as("the first success of each request id, whoever made it; none for r2 and r9")
                .containsOnly(Map.entry("r1", first.seq()), Map.entry("r3", colleagues.seq()));
        assertThat(log.firstOutcomes(new TenantId("education"), "inference.request", "OK", List.of("r1")))
                .isEmpty();
        assertThat(log.firstOutcomes(new TenantId("transport"), "inference.request", "OK", List.of()))
                .isEmpty();
    }

    private static AuditEvent eventOf(
            String actor, ActorType type, String tenant, String action, String outcome, String requestId) {
        return AuditEvent.builder()
                .actor(actor, type)
                .tenant(tenant == null ? null : new TenantId(tenant))
                .action(action)
                .resource("models/traffic-flow-forecast")
                .outcome(outcome, "OK".equals(outcome) ? 200 : 400)
                .requestId(requestId)
                .build();
    }

    @Test
    void inAutoCommitModeTheChainLockCoversTheWholeAppendStatement() throws Exception {
        // the one-round-trip append relies on the driver running "lock; insert" as one transaction
        try (var c = db.app().getConnection();
                var s = c.prepareStatement("SELECT pg_advisory_xact_lock(" + EventAppender.CHAIN_LOCK + ");"
                        + " SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid()")) {
            assertThat(c.getAutoCommit()).isTrue();
            s.execute();
            assertThat(s.getMoreResults()).isTrue();
            try (var rows = s.getResultSet()) {
                rows.next();
                assertThat(rows.getLong(1)).isEqualTo(1);
            }
            try (var after = c.createStatement()
                    .executeQuery("SELECT count(*) FROM pg_locks"
                            + " WHERE locktype = 'advisory' AND pid = pg_backend_pid()")) {
                after.next();
                assertThat(after.getLong(1))
                        .as("released when the statement's transaction ended")
                        .isZero();
            }
        }
    }

    @Test
    void anEventIsCommittedWhenRecordReturns() throws Exception {
        var log = new AuditLog(db.app());
        for (int i = 0; i < 5; i++) {
            var recorded = log.record(event("durable-" + i));
            assertThat(db.count("SELECT count(*) FROM audit_event WHERE seq = " + recorded.seq()))
                    .as("seen from another connection as soon as record returned")
                    .isEqualTo(1);
        }
    }

    @Test
    void signingAndVerifyingHandPooledConnectionsBackAtTheirIsolationLevel() throws Exception {
        new AuditLog(db.app()).recordAll(List.of(event("r0"), event("r1")));
        try (var pool = new PerThreadDataSource(db.app())) {
            var checkpoints = new AuditCheckpoints(pool.dataSource(), keys);
            checkpoints.sign().orElseThrow();
            assertThat(new AuditEvidence(pool.dataSource(), checkpoints.key().publicKey())
                            .verifyAll()
                            .ok())
                    .isTrue();
            try (var connection = pool.dataSource().getConnection()) {
                assertThat(connection.getTransactionIsolation())
                        .as("the next user of the pooled connection gets the default level back")
                        .isEqualTo(Connection.TRANSACTION_READ_COMMITTED);
                assertThat(connection.isReadOnly()).isFalse();
                assertThat(connection.getAutoCommit()).isTrue();
            }
        }
    }

    @Test
    void signsTheHeadOnDemandWithAKeyCreatedAtFirstStart() throws Exception {
        var log = new AuditLog(db.app());
        var checkpoints = new AuditCheckpoints(db.app(), keys);
        assertThat(keys.resolve(SigningKey.PRIVATE_KEY_FILE)).exists();
        assertThat(checkpoints.sign()).as("nothing to sign in an empty chain").isEmpty();

        log.recordAll(IntStream.range(0, 10).mapToObj(i -> event("r" + i)).toList());
        var first = checkpoints.sign().orElseThrow();
        assertThat(first.seq()).isEqualTo(10);
        assertThat(checkpoints.sign())
                .as("an unchanged head is not signed twice")
                .contains(first);

        log.record(event("r10"));
        var restarted = new AuditCheckpoints(db.app(), keys);
        assertThat(restarted.publicKeyPem()).isEqualTo(checkpoints.publicKeyPem());
        assertThat(restarted.sign().orElseThrow().seq()).isEqualTo(11);
        assertThat(restarted.covering(3))
                .as("the first checkpoint at or after the event")
                .contains(first);
        assertThat(restarted.covering(11).orElseThrow().seq()).isEqualTo(11);
        assertThat(restarted.covering(12))
                .as("no checkpoint covers an event after the last")
                .isEmpty();
        var verdict = new AuditEvidence(db.app(), SigningKey.parsePublicKey(restarted.publicKeyPem())).verifyAll();
        assertThat(verdict.ok()).isTrue();
        assertThat(verdict.checkpointsVerified()).isEqualTo(2);
    }

    @Test
    void findsTheCheckpointThatCoversAnEventAndSignsTheHeadWhenNoneDoesYet() {
        var log = new AuditLog(db.app());
        var checkpoints = new AuditCheckpoints(db.app(), keys);
        assertThat(checkpoints.covering(1)).as("no event, nothing covers it").isEmpty();

        log.recordAll(IntStream.range(0, 5).mapToObj(i -> event("r" + i)).toList());
        var atFive = checkpoints.sign().orElseThrow();
        log.recordAll(IntStream.range(5, 9).mapToObj(i -> event("r" + i)).toList());
        var atNine = checkpoints.sign().orElseThrow();
        log.record(event("r9"));

        assertThat(checkpoints.covering(3)).contains(atFive);
        assertThat(checkpoints.covering(5)).contains(atFive);
        assertThat(checkpoints.covering(6)).contains(atNine);
        var signedNow = checkpoints.covering(10).orElseThrow();
        assertThat(signedNow.seq())
                .as("the head is signed for an event no checkpoint covers")
                .isEqualTo(10);
        assertThat(checkpoints.covering(11)).as("beyond the head").isEmpty();
    }

    @Test
    void refusesToSignAChainThatWasTampered() throws Exception {
        var log = new AuditLog(db.app());
        log.recordAll(IntStream.range(0, 10).mapToObj(i -> event("r" + i)).toList());
        try (var insider = db.insider();
                var s = insider.createStatement()) {
            s.executeUpdate("UPDATE audit_event SET outcome = 'DENIED' WHERE seq = 4");
        }
        assertThatThrownBy(() -> new AuditCheckpoints(db.app(), keys).sign())
                .isInstanceOf(AuditException.class)
                .hasMessageContaining("FIELD_EDITED at seq 4");
    }

    @Test
    void verifiesARange() throws Exception {
        var log = new AuditLog(db.app());
        log.recordAll(IntStream.range(0, 30).mapToObj(i -> event("r" + i)).toList());
        var evidence = new AuditEvidence(
                db.app(), new AuditCheckpoints(db.app(), keys).key().publicKey());
        var verdict = evidence.verify(11, 20);
        assertThat(verdict.ok()).isTrue();
        assertThat(verdict.eventsVerified()).isEqualTo(10);
        assertThat(verdict.lastSeq()).isEqualTo(20);
    }
}
