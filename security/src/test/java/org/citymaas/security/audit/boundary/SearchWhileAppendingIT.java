package org.citymaas.security.audit.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.citymaas.security.audit.entity.ActorType;
import org.citymaas.security.audit.entity.AuditEvent;
import org.citymaas.security.audit.entity.AuditQuery;
import org.citymaas.security.audit.entity.ChainedEvent;
import org.citymaas.tenant.departments.entity.TenantId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue 12's acceptance test for the search: two appenders append 100,000 events between them, in
 * batches through the real appender, while a reader pages through one department's refused requests
 * newest first. Every matching event that existed when the first page was read is seen exactly once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchWhileAppendingIT {

    private static final int EVENTS = 100_000;
    private static final int BATCH = 250;
    private static final String[] TENANTS = {"transport", "health", "police"};
    private static final String FILTER =
            "SELECT seq FROM audit_event WHERE tenant = 'transport'" + " AND outcome IN ('DENIED', 'REJECTED')";

    private final AuditDatabase db = new AuditDatabase();

    @AfterAll
    void stop() {
        db.close();
    }

    @Test
    void pagingDownSeesEveryEventThatExistedExactlyOnceWhileTwoAppendersGoOn() throws Exception {
        db.reset();
        var query = AuditQuery.builder()
                .departments(List.of(new TenantId("transport")))
                .outcomes(List.of("DENIED", "REJECTED"))
                .pageSize(20)
                .build();
        var pool = Executors.newFixedThreadPool(2);
        try (var connections = new PerThreadDataSource(db.app())) {
            var log = new AuditLog(connections.dataSource());
            var writers = new ArrayList<Future<Void>>();
            for (int w = 0; w < 2; w++) {
                writers.add(pool.submit(appender(log, w)));
            }
            while (head() < 20_000) {
                Thread.sleep(20);
            }

            long headBefore = head();
            var seen = new ArrayList<Long>();
            int pages = 0;
            String cursor = null;
            do {
                var page = log.search(query, cursor);
                page.events().stream().map(ChainedEvent::seq).forEach(seen::add);
                assertThat(page.events())
                        .allMatch(e -> e.event().tenant().value().equals("transport"))
                        .allMatch(e -> e.event().outcome().equals("DENIED")
                                || e.event().outcome().equals("REJECTED"));
                cursor = page.nextCursor();
                pages++;
            } while (cursor != null);
            long headAfter = head();

            for (var writer : writers) {
                writer.get(5, TimeUnit.MINUTES);
            }
            assertThat(headAfter).as("appends went on while the reader paged").isGreaterThan(headBefore);
            assertThat(pages).isGreaterThan(50);
            assertThat(db.count("SELECT count(*) FROM audit_event")).isEqualTo(EVENTS);
            assertThat(db.count("SELECT max(seq) FROM audit_event")).isEqualTo(EVENTS);

            assertThat(new HashSet<>(seen)).as("no event twice").hasSameSizeAs(seen);
            assertThat(seen).as("newest first").isSortedAccordingTo((a, b) -> Long.compare(b, a));
            long top = seen.get(0);
            assertThat(top)
                    .isGreaterThanOrEqualTo(seqs(FILTER + " AND seq <= " + headBefore + " ORDER BY seq DESC LIMIT 1")
                            .get(0));
            assertThat(seen)
                    .as("every matching event up to the first page's newest, none skipped")
                    .containsExactlyElementsOf(seqs(FILTER + " AND seq <= " + top + " ORDER BY seq DESC"));
            assertWideTimeRangePagesLikeAnyFilter();
        } finally {
            pool.shutdownNow();
        }
    }

    /** A time range holding more events than are read whole and sorted: paged in seq order instead. */
    private void assertWideTimeRangePagesLikeAnyFilter() throws SQLException {
        var times = seqs("SELECT extract(epoch FROM occurred_at)::bigint FROM audit_event WHERE seq IN (10000, 90000)"
                + " ORDER BY seq");
        var from = Instant.ofEpochSecond(times.get(0));
        var to = Instant.ofEpochSecond(times.get(1));
        var query = AuditQuery.builder()
                .between(from, to)
                .departments(List.of(new TenantId("health")))
                .pageSize(500)
                .build();
        var log = new AuditLog(db.app());
        var seen = new ArrayList<Long>();
        String cursor = null;
        do {
            var page = log.search(query, cursor);
            page.events().stream().map(ChainedEvent::seq).forEach(seen::add);
            cursor = page.nextCursor();
        } while (cursor != null);
        assertThat(seqs("SELECT count(*) FROM audit_event WHERE occurred_at >= to_timestamp(" + times.get(0)
                        + ") AND occurred_at < to_timestamp(" + times.get(1) + ")"))
                .as("wider than a range read whole")
                .allMatch(n -> n > 20_000);
        assertThat(seen)
                .isNotEmpty()
                .containsExactlyElementsOf(seqs("SELECT seq FROM audit_event WHERE tenant = 'health'"
                        + " AND occurred_at >= to_timestamp(" + times.get(0) + ") AND occurred_at < to_timestamp("
                        + times.get(1) + ") ORDER BY seq DESC"));
    }

    /** One of the two appenders: half of the events, in batches, each batch its own transaction. */
    private static Callable<Void> appender(AuditLog log, int writer) {
        return () -> {
            for (int from = 0; from < EVENTS / 2; from += BATCH) {
                int base = from;
                log.appendAll(IntStream.range(base, base + BATCH)
                        .mapToObj(i -> event(writer, i))
                        .toList());
            }
            return null;
        };
    }

    private static AuditEvent event(int writer, int i) {
        var outcome = i % 10 == 0 ? "DENIED" : i % 10 == 1 ? "REJECTED" : "OK";
        return AuditEvent.builder()
                .occurredAt(Instant.now())
                .actor("writer" + writer + ".user" + (i % 7), ActorType.USER)
                .tenant(new TenantId(TENANTS[(i / 2) % TENANTS.length]))
                .action("inference.request")
                .resource("models/traffic-flow/versions/3")
                .outcome(outcome, outcome.equals("OK") ? 200 : outcome.equals("DENIED") ? 403 : 429)
                .clientAddress("10.0." + writer + "." + (i % 200))
                .requestId("w" + writer + "-" + i)
                .build();
    }

    private long head() throws SQLException {
        return db.count("SELECT COALESCE(max(seq), 0) FROM audit_event");
    }

    private List<Long> seqs(String sql) throws SQLException {
        try (var c = db.owner().getConnection();
                var rows = c.createStatement().executeQuery(sql)) {
            var seqs = new ArrayList<Long>();
            while (rows.next()) {
                seqs.add(rows.getLong(1));
            }
            return seqs;
        }
    }
}
