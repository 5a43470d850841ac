package org.citymaas.security.audit.bench;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.citymaas.db.embedded.EmbeddedDatabase;
import org.citymaas.db.migration.Migrations;
import org.citymaas.security.audit.boundary.AuditCheckpoints;
import org.citymaas.security.audit.boundary.AuditEvidence;
import org.citymaas.security.audit.boundary.AuditLog;
import org.citymaas.security.audit.boundary.PerThreadDataSource;
import org.citymaas.security.audit.entity.ActorType;
import org.citymaas.security.audit.entity.AuditEvent;
import org.citymaas.security.audit.verifier.VerifyEvidence;
import org.citymaas.tenant.departments.entity.TenantId;

/**
 * Measures the audit log on a real PostgreSQL (the embedded one: fsync off, so commits cost no disk
 * flush). Settings: {@code -Daudit.bench.seconds=5} per append run, {@code -Daudit.bench.verify=1000000}
 * events in the verified chain.
 */
public final class AuditBench {

    private static final int BATCH = 100;

    private AuditBench() {}

    public static void main(String[] args) throws Exception {
        var runFor = Duration.ofSeconds(Long.getLong("audit.bench.seconds", 5));
        long verifyEvents = Long.getLong("audit.bench.verify", 1_000_000);
        var keys = Files.createTempDirectory("audit-bench-keys");
        try (var db = EmbeddedDatabase.startTemporary()) {
            Migrations.migrate(db.ownerDataSource(), Migrations.DEFAULT_APP_ROLE);
            var app = db.dataSource(Migrations.DEFAULT_APP_ROLE);
            var log = new AuditLog(app);
            var rows = new ArrayList<String>();
            System.out.printf("warming up...%n");
            append(app, 4, 1, Duration.ofSeconds(2));
            append(app, 4, BATCH, Duration.ofSeconds(2));
            for (int batch : new int[] {1, BATCH}) {
                for (int writers : new int[] {1, 4, 16}) {
                    double rate = append(app, writers, batch, runFor);
                    var what = batch == 1
                            ? "append, 1 event per transaction"
                            : "append, " + batch + " events per transaction";
                    rows.add(rateRow(what, writers, rate));
                }
            }
            try (var pool = new PerThreadDataSource(app)) {
                var grouped = new AuditLog(pool.dataSource());
                for (int writers : new int[] {1, 4, 16}) {
                    rows.add(rateRow("record(), group commit", writers, record(grouped, writers, runFor)));
                }
            }

            long have = countEvents(app);
            while (have < verifyEvents) {
                int n = (int) Math.min(5_000, verifyEvents - have);
                log.recordAll(IntStream.range(0, n).mapToObj(i -> event("fill")).toList());
                have += n;
            }
            var checkpoints = new AuditCheckpoints(app, keys);
            long t0 = System.nanoTime();
            checkpoints.sign();
            double signSeconds = (System.nanoTime() - t0) / 1e9;

            var evidence = new AuditEvidence(app, checkpoints.key().publicKey());
            t0 = System.nanoTime();
            var verdict = evidence.verifyAll();
            double apiSeconds = (System.nanoTime() - t0) / 1e9;
            if (!verdict.ok()) {
                throw new IllegalStateException("the benchmark chain does not verify: " + verdict);
            }
            rows.add(row("verify via API (database)", verdict.eventsVerified(), apiSeconds));

            var bundle = Files.createTempFile("audit-bench-", ".zip");
            t0 = System.nanoTime();
            try (var out = Files.newOutputStream(bundle)) {
                evidence.export(1, Long.MAX_VALUE, out);
            }
            double exportSeconds = (System.nanoTime() - t0) / 1e9;
            rows.add(row("export evidence bundle", verdict.eventsVerified(), exportSeconds));
            var published = Files.createTempFile("audit-bench-", ".pem");
            Files.writeString(published, checkpoints.publicKeyPem());
            var out = new ByteArrayOutputStream();
            t0 = System.nanoTime();
            int code = VerifyEvidence.run(
                    new String[] {"--trusted-key", published.toString(), bundle.toString()},
                    new PrintStream(out, true),
                    System.err);
            double offlineSeconds = (System.nanoTime() - t0) / 1e9;
            if (code != VerifyEvidence.OK) {
                throw new IllegalStateException("offline verification failed: " + out);
            }
            rows.add(row("verify offline (bundle)", verdict.eventsVerified(), offlineSeconds));
            rows.add(String.format(
                    "| %-36s | %,10d | %,12.1f s (verifies them first) |",
                    "sign checkpoint", verdict.eventsVerified(), signSeconds));
            Files.deleteIfExists(bundle);
            Files.deleteIfExists(published);

            System.out.printf(
                    "%nAudit log benchmark: %d cores, Java %s, PostgreSQL (embedded, fsync off), %d s per append run%n%n",
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), runFor.toSeconds());
            System.out.println("| what                                 | writers / events | rate |");
            System.out.println("|--------------------------------------|------------:|------|");
            rows.forEach(System.out::println);
        }
    }

    private static String rateRow(String what, int writers, double eventsPerSecond) {
        return String.format("| %-36s | %,11d | %,14.0f events/s |", what, writers, eventsPerSecond);
    }

    private static String row(String what, long events, double seconds) {
        return String.format(
                "| %-36s | %,11d | %,14.0f events/min (%.1f s) |", what, events, events / seconds * 60, seconds);
    }

    /** Appends from {@code writers} threads, each on its own connection, for {@code duration}; events/s. */
    private static double append(javax.sql.DataSource app, int writers, int batch, Duration duration) throws Exception {
        try (var connections = new PerThreadDataSource(app)) {
            return append(new AuditLog(connections.dataSource()), writers, batch, duration);
        }
    }

    private static double append(AuditLog log, int writers, int batch, Duration duration) throws Exception {
        var pool = Executors.newFixedThreadPool(writers);
        var stop = new AtomicBoolean();
        var ready = new CountDownLatch(writers);
        var go = new CountDownLatch(1);
        var runs = new ArrayList<Future<Long>>();
        for (int w = 0; w < writers; w++) {
            runs.add(pool.submit(() -> {
                var events =
                        IntStream.range(0, batch).mapToObj(i -> event("bench")).toList();
                ready.countDown();
                go.await();
                long n = 0;
                while (!stop.get()) {
                    if (batch == 1) {
                        log.append(event("bench"));
                    } else {
                        log.appendAll(events);
                    }
                    n += batch;
                }
                return n;
            }));
        }
        ready.await();
        long t0 = System.nanoTime();
        go.countDown();
        Thread.sleep(duration.toMillis());
        stop.set(true);
        long total = 0;
        for (var run : runs) {
            total += run.get();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        pool.shutdown();
        return total / seconds;
    }

    /** Calls {@code record()} (one event, group commit) from {@code writers} threads; events/s. */
    private static double record(AuditLog log, int writers, Duration duration) throws Exception {
        var pool = Executors.newFixedThreadPool(writers);
        var stop = new AtomicBoolean();
        var go = new CountDownLatch(1);
        var runs = new ArrayList<Future<Long>>();
        for (int w = 0; w < writers; w++) {
            runs.add(pool.submit(() -> {
                go.await();
                long n = 0;
                while (!stop.get()) {
                    log.record(event("bench"));
                    n++;
                }
                return n;
            }));
        }
        long t0 = System.nanoTime();
        go.countDown();
        Thread.sleep(duration.toMillis());
        stop.set(true);
        long total = 0;
        for (var run : runs) {
            total += run.get();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        pool.shutdown();
        return total / seconds;
    }

    private static long countEvents(javax.sql.DataSource app) throws Exception {
        try (var c = app.getConnection();
                var rows = c.createStatement().executeQuery("SELECT count(*) FROM audit_event")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static AuditEvent event(String requestId) {
        return AuditEvent.builder()
                .occurredAt(Instant.now())
                .actor("zhang.wei", ActorType.USER)
                .tenant(new TenantId("transport"))
                .action("inference.request")
                .resource("models/traffic-flow/versions/3")
                .outcome("OK", 200)
                .clientAddress("10.1.2.3")
                .requestId(requestId)
                .digests(AuditEvent.digest(requestId.getBytes()), AuditEvent.digest(new byte[0]))
                .summary("rows=1 fields masked: [PHONE]")
                .build();
    }
}
