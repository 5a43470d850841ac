package org.citymaas.security.audit.bench;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.security.KeyPairGenerator;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.citymaas.db.embedded.EmbeddedDatabase;
import org.citymaas.db.migration.Migrations;
import org.citymaas.security.audit.boundary.AuditExports;
import org.citymaas.security.audit.control.SigningKey;
import org.citymaas.security.audit.entity.AuditQuery;
import org.citymaas.security.audit.entity.ExportFormat;

/**
 * Measures {@link AuditExports#export} over a chain of 1,000,000 events (the embedded PostgreSQL, the
 * events of {@link SearchBenchEvents} appended through the real appender): events/s for CSV and JSON
 * Lines, the whole chain and one department's events, written to a stream that counts and drops the
 * bytes (the export's own cost, no disk). Memory: the heap's peak during each export (the heap is
 * capped by the profile's {@code -Xmx}, far below what 1,000,000 events would need in memory). Settings:
 * {@code -Dexport.bench.events=1000000}, {@code -Dexport.bench.rounds=2} per format and filter (the best
 * is kept, the first warms the JIT).
 */
public final class ExportBench {

    private ExportBench() {}

    public static void main(String[] args) throws Exception {
        long events = Long.getLong("export.bench.events", 1_000_000);
        int rounds = Integer.getInteger("export.bench.rounds", 2);
        try (var db = EmbeddedDatabase.startTemporary()) {
            Migrations.migrate(db.ownerDataSource(), Migrations.DEFAULT_APP_ROLE);
            var app = db.dataSource(Migrations.DEFAULT_APP_ROLE);
            double loadSeconds = SearchBench.load(app, events);
            exec(db.ownerDataSource(), "VACUUM ANALYZE audit_event");
            var key = SigningKey.of(KeyPairGenerator.getInstance("Ed25519").generateKeyPair());
            var exports = new AuditExports(app, key, Clock.systemUTC());
            var rows = new ArrayList<String>();
            var all = AuditQuery.builder().build();
            var department = AuditQuery.builder()
                    .departments(List.of(SearchBenchEvents.department(3)))
                    .build();
            for (var format : ExportFormat.values()) {
                rows.add(measure(exports, "all events", all, format, rounds));
                rows.add(measure(exports, "one department", department, format, rounds));
            }
            System.out.printf(
                    "%nAudit export benchmark: %d cores, Java %s, PostgreSQL (embedded, fsync off), %,d events"
                            + " (appended in %.0f s), max heap %d MiB, best of %d rounds%n%n",
                    Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.version"),
                    events,
                    loadSeconds,
                    Runtime.getRuntime().maxMemory() >> 20,
                    rounds);
            System.out.println("| format | filter | events | bytes | seconds | events/s | peak heap MiB |");
            System.out.println("|---|---|---:|---:|---:|---:|---:|");
            rows.forEach(System.out::println);
        }
    }

    private static String measure(
            AuditExports exports, String name, AuditQuery query, ExportFormat format, int rounds) {
        double best = Double.MAX_VALUE;
        long rowCount = 0;
        long bytes = 0;
        long peak = 0;
        for (int round = 0; round < rounds; round++) {
            System.gc();
            var pools = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == MemoryType.HEAP)
                    .toList();
            pools.forEach(p -> p.resetPeakUsage());
            var out = new Counting();
            long t0 = System.nanoTime();
            var manifest = exports.export(query, format, out);
            double seconds = (System.nanoTime() - t0) / 1e9;
            long roundPeak =
                    pools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
            peak = Math.max(peak, roundPeak);
            if (seconds < best) {
                best = seconds;
            }
            rowCount = manifest.rowCount();
            bytes = out.count;
        }
        return String.format(
                "| %s | %s | %,d | %,d | %.1f | %,.0f | %d |",
                format.code(), name, rowCount, bytes, best, rowCount / best, peak >> 20);
    }

    private static void exec(DataSource dataSource, String sql) throws SQLException {
        try (var c = dataSource.getConnection();
                var s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** Counts the bytes and drops them. */
    private static final class Counting extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
