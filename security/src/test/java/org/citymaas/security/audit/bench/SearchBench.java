package org.citymaas.security.audit.bench;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.LongStream;
import javax.sql.DataSource;
import org.citymaas.db.embedded.EmbeddedDatabase;
import org.citymaas.db.migration.Migrations;
import org.citymaas.security.audit.boundary.AuditLog;
import org.citymaas.security.audit.boundary.PerThreadDataSource;
import org.citymaas.security.audit.entity.AuditCursor;
import org.citymaas.security.audit.entity.AuditQuery;

/**
 * Measures {@link AuditLog#search} over a chain of 1,000,000 events (the embedded PostgreSQL, one
 * pooled connection, one thread): for each kind of filter, the first page and a deep page (a cursor at
 * a random position in the older half of the chain), p50/p95/p99, and which indexes PostgreSQL used.
 * Before that, what V10's indexes cost an append, against the same schema without them. The events are
 * appended through the real appender ({@link AuditLog#appendAll}, 1,000 a transaction). Settings:
 * {@code -Dsearch.bench.events=1000000}, {@code -Dsearch.bench.samples=200} per kind and page.
 */
public final class SearchBench {

    private static final int LOAD_BATCH = 1_000;
    private static final String[] V10_INDEXES = {
        "audit_event_tenant_seq_idx", "audit_event_category_seq_idx", "audit_event_model_seq_idx",
        "audit_event_outcome_seq_idx", "audit_event_client_seq_idx", "audit_event_request_seq_idx"
    };

    private SearchBench() {}

    public static void main(String[] args) throws Exception {
        long events = Long.getLong("search.bench.events", 1_000_000);
        int samples = Integer.getInteger("search.bench.samples", 200);
        var cost = insertCost();
        try (var db = EmbeddedDatabase.startTemporary()) {
            Migrations.migrate(db.ownerDataSource(), Migrations.DEFAULT_APP_ROLE);
            var app = db.dataSource(Migrations.DEFAULT_APP_ROLE);
            double loadSeconds = load(app, events);
            exec(db.ownerDataSource(), "VACUUM ANALYZE audit_event");
            var rows = new ArrayList<String>();
            try (var pool = new PerThreadDataSource(app)) {
                var log = new AuditLog(pool.dataSource());
                var random = new Random(7);
                for (var kind : kinds(events)) {
                    rows.add(measure(kind, log, pool.dataSource(), db.ownerDataSource(), events, samples, random));
                }
            }
            System.out.printf(
                    "%nAudit search benchmark: %d cores, Java %s, PostgreSQL (embedded, fsync off), %,d events"
                            + " (appended in %.0f s, %,.0f events/s), %d samples per kind and page, page size %d%n%n",
                    Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.version"),
                    events,
                    loadSeconds,
                    events / loadSeconds,
                    samples,
                    AuditQuery.DEFAULT_PAGE_SIZE);
            System.out.println(
                    "| filter | events on first page (median) | first page p50 / p95 / p99 ms | deep page p50 / p95 / p99 ms | indexes used |");
            System.out.println("|---|---:|---:|---:|---|");
            rows.forEach(System.out::println);
            System.out.printf("%nAppend cost of V10's indexes (empty table, one writer):%n%n");
            cost.forEach(System.out::println);
        }
    }

    private record Kind(String name, Function<Random, AuditQuery.Builder> query) {}

    private static List<Kind> kinds(long events) {
        var span = SearchBenchEvents.SPAN;
        var start = SearchBenchEvents.START;
        Function<Random, java.time.Instant> day = r -> start.plus(Duration.ofDays(r.nextInt((int) span.toDays())));
        return List.of(
                new Kind("department", r -> q().departments(List.of(dept(r)))),
                new Kind(
                        "department, refused (DENIED, REJECTED)",
                        r -> q().departments(List.of(dept(r))).outcomes(List.of("DENIED", "REJECTED"))),
                new Kind("3 departments", r -> q().departments(List.of(dept(r), dept(r), dept(r)))),
                new Kind("actor (a user)", r -> q().actors(List.of(user(r)))),
                new Kind("3 actors", r -> q().actors(List.of(user(r), user(r), "svc-" + r.nextInt(100)))),
                new Kind("action batch.submit (3%)", r -> q().actions(List.of("batch.submit"))),
                new Kind("action department.create (0.1%)", r -> q().actions(List.of("department.create"))),
                new Kind("category subscription.* (1.5%)", r -> q().actions(List.of("subscription.*"))),
                new Kind("model", r -> q().models(List.of(SearchBenchEvents.model(r.nextInt(30))))),
                new Kind("outcome FAILED", r -> q().outcomes(List.of("FAILED"))),
                new Kind(
                        "outcome REJECTED, status 429",
                        r -> q().outcomes(List.of("REJECTED")).httpStatus(429)),
                new Kind(
                        "client address",
                        r -> q().clientAddress(SearchBenchEvents.address(r.nextInt(SearchBenchEvents.ADDRESSES)))),
                new Kind("request id", r -> q().requestId("r" + r.nextLong(events))),
                new Kind("one day", r -> {
                    var from = day.apply(r);
                    return q().between(from, from.plus(Duration.ofDays(1)));
                }),
                new Kind("department, model, refused, 30 days", r -> {
                    var from = day.apply(r);
                    return q().departments(List.of(dept(r)))
                            .models(List.of(SearchBenchEvents.model(r.nextInt(30))))
                            .outcomes(List.of("DENIED", "REJECTED"))
                            .between(from, from.plus(Duration.ofDays(30)));
                }),
                new Kind("no filter", r -> q()));
    }

    private static String measure(
            Kind kind, AuditLog log, DataSource app, DataSource owner, long events, int samples, Random random)
            throws Exception {
        for (int i = 0; i < 20; i++) {
            log.search(kind.query().apply(random).build(), null);
        }
        var before = indexScans(app, owner);
        var first = new double[samples];
        var deep = new double[samples];
        var sizes = new int[samples];
        for (int i = 0; i < samples; i++) {
            var query = kind.query().apply(random).build();
            long t0 = System.nanoTime();
            var page = log.search(query, null);
            first[i] = (System.nanoTime() - t0) / 1e6;
            sizes[i] = page.events().size();
            var cursor =
                    AuditCursor.before(query, 2 + random.nextLong(events / 2)).token();
            t0 = System.nanoTime();
            log.search(query, cursor);
            deep[i] = (System.nanoTime() - t0) / 1e6;
        }
        var after = indexScans(app, owner);
        var used = new TreeSet<String>();
        after.forEach((index, scans) -> {
            if (scans > before.getOrDefault(index, 0L)) {
                used.add(index.replace("audit_event_", "").replace("_idx", ""));
            }
        });
        Arrays.sort(sizes);
        return String.format(
                "| %s | %d | %s | %s | %s |",
                kind.name(), sizes[samples / 2], percentiles(first), percentiles(deep), String.join(", ", used));
    }

    private static String percentiles(double[] millis) {
        Arrays.sort(millis);
        return String.format("%.1f / %.1f / %.1f", at(millis, 0.50), at(millis, 0.95), at(millis, 0.99));
    }

    private static double at(double[] sorted, double p) {
        return sorted[Math.max(0, (int) Math.ceil(p * sorted.length) - 1)];
    }

    /** Index scans so far, after the app connection has flushed its statistics (at most once a second). */
    private static Map<String, Long> indexScans(DataSource app, DataSource owner) throws Exception {
        Thread.sleep(1_100);
        exec(app, "SELECT 1");
        Thread.sleep(200);
        var scans = new HashMap<String, Long>();
        try (var c = owner.getConnection();
                var rows = c.createStatement()
                        .executeQuery("SELECT indexrelname, idx_scan FROM pg_stat_user_indexes"
                                + " WHERE relname = 'audit_event'")) {
            while (rows.next()) {
                scans.put(rows.getString(1), rows.getLong(2));
            }
        }
        return scans;
    }

    static double load(DataSource app, long events) {
        var generator = new SearchBenchEvents(events);
        try (var pool = new PerThreadDataSource(app)) {
            var log = new AuditLog(pool.dataSource());
            long t0 = System.nanoTime();
            for (long from = 0; from < events; from += LOAD_BATCH) {
                log.appendAll(LongStream.range(from, Math.min(events, from + LOAD_BATCH))
                        .mapToObj(generator::event)
                        .toList());
            }
            return (System.nanoTime() - t0) / 1e9;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Appends the same events to a schema with V10's indexes and to one without them (V9's: V10 dropped
     * two and added six), in
     * alternating rounds, one event per transaction and 100 a transaction.
     */
    private static List<String> insertCost() throws Exception {
        try (var with = EmbeddedDatabase.startTemporary();
                var without = EmbeddedDatabase.startTemporary()) {
            Migrations.migrate(with.ownerDataSource(), Migrations.DEFAULT_APP_ROLE);
            Migrations.migrate(without.ownerDataSource(), Migrations.DEFAULT_APP_ROLE);
            for (var index : V10_INDEXES) {
                exec(without.ownerDataSource(), "DROP INDEX " + index);
            }
            exec(without.ownerDataSource(), "CREATE INDEX audit_event_tenant_idx ON audit_event (tenant, occurred_at)");
            exec(
                    without.ownerDataSource(),
                    "CREATE INDEX audit_event_request_idx ON audit_event (tenant, request_id)"
                            + " WHERE request_id IS NOT NULL");
            var rates = new double[2][2];
            var generator = new SearchBenchEvents(1_000_000);
            for (int round = 0; round < 2; round++) {
                for (int schema = 0; schema < 2; schema++) {
                    var app = (schema == 0 ? with : without).dataSource(Migrations.DEFAULT_APP_ROLE);
                    try (var pool = new PerThreadDataSource(app)) {
                        var log = new AuditLog(pool.dataSource());
                        rates[schema][0] += rate(log, generator, 10_000, 1) / 2;
                        rates[schema][1] += rate(log, generator, 100_000, 100) / 2;
                    }
                }
            }
            return List.of(
                    "| schema | 1 event per transaction | 100 events per transaction |",
                    "|---|---:|---:|",
                    String.format(
                            "| V10 (search indexes) | %,.0f events/s | %,.0f events/s |", rates[0][0], rates[0][1]),
                    String.format(
                            "| without V10's indexes | %,.0f events/s | %,.0f events/s |", rates[1][0], rates[1][1]));
        }
    }

    private static double rate(AuditLog log, SearchBenchEvents generator, int events, int batch) {
        long t0 = System.nanoTime();
        for (int from = 0; from < events; from += batch) {
            if (batch == 1) {
                log.append(generator.event(from));
            } else {
                log.appendAll(LongStream.range(from, from + batch)
                        .mapToObj(generator::event)
                        .toList());
            }
        }
        return events / ((System.nanoTime() - t0) / 1e9);
    }

    private static void exec(DataSource dataSource, String sql) throws SQLException {
        try (var c = dataSource.getConnection();
                var s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static AuditQuery.Builder q() {
        return AuditQuery.builder();
    }

    private static org.citymaas.tenant.departments.entity.TenantId dept(Random r) {
        return SearchBenchEvents.department(r.nextInt(SearchBenchEvents.DEPARTMENTS));
    }

    private static String user(Random r) {
        return SearchBenchEvents.user(r.nextInt(SearchBenchEvents.USERS));
    }
}
