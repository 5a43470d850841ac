package org.citymaas.security.audit.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.citymaas.security.audit.boundary.AuditDatabase.event;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConcurrentAppendIT {

    private static final int EVENTS_PER_WRITER = 120;

    private final AuditDatabase db = new AuditDatabase();

    @TempDir
    Path keys;

    @BeforeEach
    void newChain() throws Exception {
        db.reset();
    }

    @AfterAll
    void stop() {
        db.close();
    }

    @Test
    void severalThreadsNeverForkTheChainNorLoseAnEvent() throws Exception {
        try (var pool = new PerThreadDataSource(db.app())) {
            var transactions = new ThreadTransactions(pool.dataSource());
            var log = new AuditLog(transactions.dataSource());
            var writers = IntStream.range(0, 8)
                    .mapToObj(w -> writer(log, transactions, "t" + w, w % 2 == 0))
                    .toList();
            runTogether(writers, List.of());
        }
        assertOneUnbrokenChainOf(8 * EVENTS_PER_WRITER);
    }

    @Test
    void groupCommittedRecordsFromManyThreadsFormOneChain() throws Exception {
        try (var pool = new PerThreadDataSource(db.app())) {
            var log = new AuditLog(pool.dataSource());
            var writers = IntStream.range(0, 12)
                    .<Callable<Void>>mapToObj(w -> () -> {
                        for (int i = 0; i < EVENTS_PER_WRITER; i++) {
                            if (i % 30 == 0) {
                                int base = i;
                                var batch = log.recordAll(IntStream.range(0, 3)
                                        .mapToObj(k -> event("g" + w + "-" + (base + k)))
                                        .toList());
                                assertThat(batch.get(2).seq() - batch.get(0).seq())
                                        .as("a caller's batch stays together")
                                        .isEqualTo(2);
                                i += 2;
                            } else {
                                var recorded = log.record(event("g" + w + "-" + i));
                                assertThat(recorded.event().requestId()).isEqualTo("g" + w + "-" + i);
                            }
                        }
                        return null;
                    })
                    .toList();
            runTogether(writers, List.of());
        }
        assertOneUnbrokenChainOf(12 * EVENTS_PER_WRITER);
    }

    @Test
    void twoPortalInstancesOnOneDatabaseNeverForkTheChain() throws Exception {
        // two instances, each with its own connection pool, appender and checkpoint signer; the first
        // appends on its requests' connections, the second through group commit
        try (var firstPool = new PerThreadDataSource(db.app());
                var secondPool = new PerThreadDataSource(db.app())) {
            DataSource first = firstPool.dataSource();
            DataSource second = secondPool.dataSource();
            var firstTransactions = new ThreadTransactions(first);
            var firstLog = new AuditLog(firstTransactions.dataSource());
            var secondLog = new AuditLog(second);
            var writers = new ArrayList<Callable<Void>>();
            for (int w = 0; w < 4; w++) {
                writers.add(writer(firstLog, firstTransactions, "a" + w, w % 2 == 0));
                writers.add(recorder(secondLog, "b" + w));
            }
            var done = new AtomicBoolean();
            var firstTimer = signer(new AuditCheckpoints(first, keys), done);
            var secondTimer = signer(new AuditCheckpoints(second, keys), done);
            runTogether(writers, List.of(firstTimer, secondTimer), done);
            new AuditCheckpoints(first, keys).sign();
        }
        var verdict = assertOneUnbrokenChainOf(8 * EVENTS_PER_WRITER);
        assertThat(verdict.checkpointsVerified()).isPositive();
    }

    /**
     * A request thread on its own (pooled) connection: single events, now and then a batch; every
     * other writer appends inside a transaction of its own (as the portal's request transaction does).
     */
    private static Callable<Void> writer(
            AuditLog log, ThreadTransactions transactions, String name, boolean inTransaction) {
        return () -> {
            int written = 0;
            while (written < EVENTS_PER_WRITER) {
                if (inTransaction) {
                    transactions.begin();
                }
                if (written % 40 == 0) {
                    int base = written;
                    log.appendAll(IntStream.range(0, 5)
                            .mapToObj(i -> event(name + "-" + (base + i)))
                            .toList());
                    written += 5;
                } else {
                    log.append(event(name + "-" + written));
                    written++;
                }
                if (inTransaction) {
                    transactions.commit();
                }
            }
            return null;
        };
    }

    /** A request thread of an instance that records through group commit. */
    private static Callable<Void> recorder(AuditLog log, String name) {
        return () -> {
            for (int i = 0; i < EVENTS_PER_WRITER; i++) {
                log.record(event(name + "-" + i));
            }
            return null;
        };
    }

    private static Callable<Void> signer(AuditCheckpoints checkpoints, AtomicBoolean done) {
        return () -> {
            while (!done.get()) {
                checkpoints.sign();
            }
            return null;
        };
    }

    private void runTogether(List<Callable<Void>> writers, List<Callable<Void>> background) throws Exception {
        runTogether(writers, background, new AtomicBoolean());
    }

    private void runTogether(List<Callable<Void>> writers, List<Callable<Void>> background, AtomicBoolean done)
            throws Exception {
        var pool = Executors.newFixedThreadPool(writers.size() + background.size());
        try {
            var start = new CountDownLatch(1);
            var backgroundRuns = new ArrayList<Future<Void>>();
            for (var task : background) {
                backgroundRuns.add(pool.submit(task));
            }
            var runs = new ArrayList<Future<Void>>();
            for (var task : writers) {
                runs.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            try {
                for (var run : runs) {
                    run.get(5, TimeUnit.MINUTES);
                }
            } finally {
                done.set(true);
            }
            for (var run : backgroundRuns) {
                run.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private org.citymaas.security.audit.entity.Verification assertOneUnbrokenChainOf(int expected) throws Exception {
        assertThat(db.count("SELECT count(*) FROM audit_event")).isEqualTo(expected);
        assertThat(db.count("SELECT count(DISTINCT request_id) FROM audit_event"))
                .as("no event lost or doubled")
                .isEqualTo(expected);
        assertThat(db.count("SELECT max(seq) FROM audit_event")).as("no gap").isEqualTo(expected);
        var key = org.citymaas.security.audit.control.SigningKey.loadOrCreate(keys);
        var verdict = new AuditEvidence(db.app(), key.publicKey()).verifyAll();
        assertThat(verdict.ok()).as("%s", verdict).isTrue();
        assertThat(verdict.eventsVerified()).isEqualTo(expected);
        return verdict;
    }
}
