package org.citymaas.portal.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.citymaas.portal.devstack.TestStack;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two portal instances on one database and one Keycloak (issue 15): the shared test server and a {@link SecondPortal},
 * as two pods behind one service. A quota race over both serves exactly the limit; a retry sent to the other instance
 * is charged once; a checkpoint asked of both at once is signed once; the audit chain verifies; and when one instance
 * is killed with SIGKILL under load, every request it answered 200 has exactly one usage record and one audit event,
 * nothing is charged twice, and the quota counts exactly what was charged. Batch jobs run on the instance holding
 * their lease: with both alive, every line of jobs uploaded to either (and of one leased elsewhere, once its lease
 * expires) runs exactly once; an instance whose lease was taken keeps nothing more of the job; a job whose instance is
 * killed mid-way is taken over by the other once the lease expires and finished, each line charged and audited once.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstancesIT {

    private static final String PASSWORD = "Two-Instances-1";
    private static final String MODEL = "traffic-flow-forecast";
    /**
     * The second instance's own settings: a batch lease of 4 s (its jobs are taken over at most 4 s after it dies,
     * plus the first instance's sweep interval, 10 s by default) and chunks of 4 lines, one at a time, so that a job
     * of a few hundred lines is still running when it is killed.
     */
    private static final Map<String, String> SECOND = Map.of(
            "citymaas.batch.lease.ttl-seconds", "4",
            "citymaas.batch.chunk-lines", "4",
            "citymaas.batch.department-chunks", "1");
    /**
     * The second instance in the exact regime: no quota leases (every reservation is an exact one, a row naming the
     * instance, V24), living 4 s without its heartbeat (every 1.3 s) instead of 30.
     */
    private static final Map<String, String> SECOND_EXACT = Map.of(
            "citymaas.quota.lease.requests", "0",
            "citymaas.quota.lease.ttl-seconds", "4");

    private static SecondPortal second;
    private static String department;
    private static String token;

    @ArquillianResource
    URL portal;

    private String first() {
        return portal.toString();
    }

    private String other() {
        if (second == null) {
            second = SecondPortal.start(portal.getPath(), SECOND);
        }
        return second.base();
    }

    @AfterAll
    static void stopSecond() throws InterruptedException {
        if (second != null) {
            second.close();
        }
    }

    /** A department of this test's own, subscribed with the limit, and its API client's token. */
    private String departmentWithQuota(long requests) {
        if (department == null) {
            var keycloak = new KeycloakAdmin(TestStack.start().keycloak());
            department = FreshDepartments.withAdmin(first() + "api/", "two", keycloak, PASSWORD);
            var admin = TestStack.start().keycloak().userToken(department + "-admin", PASSWORD);
            var secret = Http.post(
                            first() + "api/v1/tenants/" + department + "/clients/" + department + "-api/secret",
                            admin,
                            "")
                    .json()
                    .get("secret")
                    .asText();
            token = TestStack.start().keycloak().clientCredentialsToken(department + "-api", secret);
            var platform = DemoTokens.userToken("platform-admin");
            var subscribed = Http.post(
                    first() + "api/v1/tenants/" + department + "/subscriptions",
                    platform,
                    "{\"model\": \"" + MODEL + "\"}");
            assertThat(subscribed.status()).as(subscribed.body()).isEqualTo(201);
        }
        var limited = Http.put(
                first() + "api/v1/tenants/" + department + "/quotas/" + MODEL,
                DemoTokens.userToken("platform-admin"),
                "{\"requests\": " + requests + ", \"rows\": 10000000}");
        assertThat(limited.status()).as(limited.body()).isEqualTo(200);
        return token;
    }

    private static Http.Answer infer(String base, String token, String requestId) {
        return Http.post(
                base + "api/v2/models/" + MODEL + "/infer",
                token,
                TrafficRequests.body(1, 8),
                Map.of("X-Request-Id", requestId));
    }

    private long charged() {
        return TestDatabase.count(
                "SELECT count(*) FROM usage_event WHERE tenant_id = ? AND model = ?", department, MODEL);
    }

    private long requestsUsed() {
        var quotas = Http.get(first() + "api/v1/quotas", token);
        assertThat(quotas.status()).as(quotas.body()).isEqualTo(200);
        for (var quota : quotas.json()) {
            if (quota.get("model").asText().equals(MODEL)) {
                return quota.get("requestsUsed").asLong();
            }
        }
        throw new AssertionError("no quota line for " + MODEL + ": " + quotas.body());
    }

    @Test
    @Order(1)
    void aQuotaRaceOverBothInstancesServesExactlyTheLimit() throws Exception {
        var bases = List.of(first(), other());
        var token = departmentWithQuota(40);
        var prefix = "two-race-" + UUID.randomUUID().toString().substring(0, 8) + "-";

        var pool = Executors.newFixedThreadPool(32);
        var start = new CountDownLatch(1);
        var answers = new ArrayList<Future<Http.Answer>>();
        for (int i = 0; i < 120; i++) {
            var base = bases.get(i % 2);
            var requestId = prefix + i;
            answers.add(pool.submit(() -> {
                start.await();
                return infer(base, token, requestId);
            }));
        }
        start.countDown();
        var statuses = new ArrayList<Integer>();
        for (var answer : answers) {
            statuses.add(answer.get(2, TimeUnit.MINUTES).status());
        }
        pool.shutdown();

        assertThat(statuses).containsOnly(200, 429);
        assertThat(statuses.stream().filter(s -> s == 200).count()).isEqualTo(40);
        assertThat(charged()).isEqualTo(40);
        assertThat(requestsUsed()).isEqualTo(40);
    }

    @Test
    @Order(2)
    void aRetrySentToTheOtherInstanceIsChargedOnce() {
        var token = departmentWithQuota(1_000);
        var requestId = "two-retry-" + UUID.randomUUID();
        var before = charged();

        var answered = infer(first(), token, requestId);
        var retried = infer(other(), token, requestId);

        assertThat(answered.status()).as(answered.body()).isEqualTo(200);
        assertThat(retried.status()).as(retried.body()).isEqualTo(200);
        assertThat(retried.json().get("outputs")).isEqualTo(answered.json().get("outputs"));
        assertThat(charged()).isEqualTo(before + 1);
        assertThat(TestDatabase.count("SELECT count(*) FROM usage_event WHERE request_id = ?", requestId))
                .isEqualTo(1);
        assertThat(TestDatabase.count(
                        "SELECT count(*) FROM audit_event WHERE request_id = ? AND action = 'inference.request'",
                        requestId))
                .as("each run is audited, the retry as a retry")
                .isEqualTo(2);
    }

    @Test
    @Order(3)
    void aCheckpointAskedOfBothAtOnceIsSignedOnceAndTheChainVerifies() throws Exception {
        var auditor = DemoTokens.userToken("auditor");
        departmentWithQuota(1_000);
        infer(first(), token, "two-cp-" + UUID.randomUUID()); // something new to sign
        var before = TestDatabase.count("SELECT count(*) FROM audit_checkpoint");

        var pool = Executors.newFixedThreadPool(2);
        var start = new CountDownLatch(1);
        var answers = new ArrayList<Future<Http.Answer>>();
        for (var base : List.of(first(), other())) {
            answers.add(pool.submit(() -> {
                start.await();
                return Http.post(base + "api/v1/audit/checkpoints", auditor, "");
            }));
        }
        start.countDown();
        var statuses = new ArrayList<Integer>();
        for (var answer : answers) {
            statuses.add(answer.get(1, TimeUnit.MINUTES).status());
        }
        pool.shutdown();

        // each call's own audit event is appended after its signature: the second may sign that one, never the same
        // head
        assertThat(statuses).contains(200).allMatch(s -> s == 200 || s == 204);
        assertThat(
                        TestDatabase.count(
                                "SELECT count(*) FROM (SELECT seq FROM audit_checkpoint GROUP BY seq HAVING count(*) > 1) twice"))
                .as("no head signed twice")
                .isZero();
        assertThat(TestDatabase.count("SELECT count(*) FROM audit_checkpoint")).isGreaterThan(before);
        var verdict = Http.get(other() + "api/v1/audit/verify", auditor);
        assertThat(verdict.status()).as(verdict.body()).isEqualTo(200);
        assertThat(verdict.json().get("status").asText()).as(verdict.body()).isEqualTo("OK");
    }

    @Test
    @Order(4)
    void anInstanceKilledUnderLoadLeavesEveryAnsweredRequestChargedAndAuditedOnce() throws Exception {
        var token = departmentWithQuota(100_000);
        var target = other();
        var prefix = "two-kill-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        var answeredOk = ConcurrentHashMap.<String>newKeySet();
        var sent = ConcurrentHashMap.<String>newKeySet();
        var stop = new AtomicBoolean();
        var pool = Executors.newFixedThreadPool(16);
        for (int t = 0; t < 16; t++) {
            int thread = t;
            pool.submit(() -> {
                for (int i = 0; !stop.get(); i++) {
                    var requestId = prefix + thread + "-" + i;
                    sent.add(requestId);
                    try {
                        if (infer(target, token, requestId).status() == 200) {
                            answeredOk.add(requestId);
                        }
                    } catch (RuntimeException | AssertionError e) {
                        // the connection died with the instance: no answer
                    }
                }
            });
        }
        Thread.sleep(3_000);
        second.kill();
        stop.set(true);
        pool.shutdown();
        assertThat(pool.awaitTermination(1, TimeUnit.MINUTES)).isTrue();

        assertThat(answeredOk).as("requests answered before the kill").isNotEmpty();
        for (var requestId : answeredOk) {
            assertThat(TestDatabase.count("SELECT count(*) FROM usage_event WHERE request_id = ?", requestId))
                    .as("usage of " + requestId)
                    .isEqualTo(1);
            assertThat(TestDatabase.count(
                            "SELECT count(*) FROM audit_event WHERE request_id = ? AND action = 'inference.request'"
                                    + " AND outcome = 'OK'",
                            requestId))
                    .as("audit of " + requestId)
                    .isEqualTo(1);
        }
        assertThat(TestDatabase.count(
                        "SELECT count(*) FROM usage_event WHERE tenant_id = ? AND request_id LIKE ?",
                        department,
                        prefix + "%"))
                .as("charged: every answered request, and at most the ones cut off on their way back")
                .isBetween((long) answeredOk.size(), (long) sent.size());
        // the dead instance's hold on the quota: what it reserved and never settled comes back (or was never taken)
        var deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (requestsUsed() != charged() && System.nanoTime() < deadline) {
            Thread.sleep(1_000);
        }
        assertThat(requestsUsed()).as("the quota counts what was charged").isEqualTo(charged());
        assertThat(TestDatabase.count(
                        "SELECT count(*) FROM (SELECT 1 FROM usage_event WHERE tenant_id = ?"
                                + " GROUP BY request_id HAVING count(*) > 1) twice",
                        department))
                .isZero();
        second = null;
    }

    private long heldExactly() {
        return TestDatabase.count(
                "SELECT count(*) FROM quota_reservation WHERE tenant_id = ? AND model = ?", department, MODEL);
    }

    @Test
    @Order(8)
    void anInstanceKilledHoldingExactReservationsGivesThemBackAfterTheTtlAndTheQuotaIsUsedToExactlyTheLimit()
            throws Exception {
        var token = departmentWithQuota(100_000);
        second = SecondPortal.start(portal.getPath(), SECOND_EXACT);
        var target = second.base();
        var prefix = "two-exact-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        var answeredOk = ConcurrentHashMap.<String>newKeySet();
        var stop = new AtomicBoolean();
        var pool = Executors.newFixedThreadPool(16);
        for (int t = 0; t < 16; t++) {
            int thread = t;
            pool.submit(() -> {
                for (int i = 0; !stop.get(); i++) {
                    var requestId = prefix + thread + "-" + i;
                    try {
                        if (infer(target, token, requestId).status() == 200) {
                            answeredOk.add(requestId);
                        }
                    } catch (RuntimeException | AssertionError e) {
                        // the connection died with the instance: no answer
                    }
                }
            });
        }
        // a fresh instance loads the model on its first requests: kill it once it answers, while it holds some
        await().atMost(Duration.ofMinutes(2)).until(() -> answeredOk.size() >= 50);
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(5)).until(() -> heldExactly() > 0);
        second.kill();
        var killed = System.nanoTime();
        second = null;
        stop.set(true);
        pool.shutdown();
        assertThat(pool.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
        Thread.sleep(500); // a commit already sent when the process died lands, or is rolled back

        var dead = heldExactly();
        var charged = charged();
        var used = requestsUsed(); // read within the 4 s: the reservations were renewed at most 1.3 s before the kill
        assertThat(dead)
                .as("exact reservations the killed instance held, never settled")
                .isPositive();
        assertThat(used).as("still counted until they expire").isEqualTo(charged + dead);
        assertThat(answeredOk).as("requests answered before the kill").isNotEmpty();
        for (var requestId : answeredOk) {
            assertThat(TestDatabase.count("SELECT count(*) FROM usage_event WHERE request_id = ?", requestId))
                    .as("usage of " + requestId)
                    .isEqualTo(1);
        }

        // near the limit: 10 requests left, of which the dead instance's reservations hold some until they expire
        departmentWithQuota(charged + 10);
        var expired = killed + Duration.ofSeconds(5).toNanos();
        Thread.sleep(Math.max(0, (expired - System.nanoTime()) / 1_000_000));
        var served = new java.util.concurrent.atomic.AtomicInteger();
        var statuses = ConcurrentHashMap.<Integer>newKeySet();
        var onFirst = Executors.newFixedThreadPool(8);
        for (int t = 0; t < 8; t++) {
            int thread = t;
            onFirst.submit(() -> {
                for (int i = 0; ; i++) {
                    var status = infer(first(), token, prefix + "after-" + thread + "-" + i)
                            .status();
                    statuses.add(status);
                    if (status != 200) {
                        return;
                    }
                    served.incrementAndGet();
                }
            });
        }
        onFirst.shutdown();
        assertThat(onFirst.awaitTermination(2, TimeUnit.MINUTES)).isTrue();

        System.out.println("TwoInstancesIT: the second instance was killed holding " + dead
                + " exact reservations; the first served the last 10 of the quota "
                + Duration.ofNanos(System.nanoTime() - killed).toMillis() + " ms after the kill");
        assertThat(statuses).containsOnly(200, 429);
        assertThat(served)
                .as("the dead instance's reservations came back: exactly the limit")
                .hasValue(10);
        assertThat(charged()).isEqualTo(charged + 10);
        assertThat(requestsUsed()).isEqualTo(charged + 10);
        assertThat(heldExactly()).as("nothing left held").isZero();
        assertThat(TestDatabase.count(
                        "SELECT count(*) FROM (SELECT 1 FROM usage_event WHERE tenant_id = ?"
                                + " GROUP BY request_id HAVING count(*) > 1) twice",
                        department))
                .isZero();
    }

    /** Uploads a traffic file of {@code lines} lines to the instance at {@code base}; the job's id. */
    private String upload(String base, int lines) {
        var submitted = Http.postCsv(
                base + "api/v1/models/" + MODEL + "/batches?fileName=two.csv",
                token,
                BatchScoringIT.trafficCsv(lines, -1));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(202);
        return submitted.json().get("id").asText();
    }

    private static long finished(String job) {
        return TestDatabase.count(
                "SELECT count(*) FROM batch_row WHERE job_id = ?::uuid AND finished_at IS NOT NULL", job);
    }

    private static String column(String job, String column) {
        return TestDatabase.first("SELECT " + column + " FROM batch_job WHERE id = ?::uuid", job);
    }

    private static void awaitDone(String job) {
        await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> "DONE".equals(column(job, "status")));
    }

    /** Every line answered, with exactly one usage record and one audited run, and the job let go. */
    private static void assertEachLineRanOnce(String job, int lines) {
        var ids = "batch-" + job + "-%";
        assertThat(TestDatabase.count(
                        "SELECT count(*) FROM batch_row WHERE job_id = ?::uuid AND output IS NOT NULL", job))
                .as("lines answered")
                .isEqualTo(lines);
        assertThat(TestDatabase.count("SELECT count(*) FROM usage_event WHERE request_id LIKE ?", ids))
                .as("usage records of " + job)
                .isEqualTo(lines);
        assertThat(TestDatabase.count(
                        "SELECT count(DISTINCT request_id) FROM usage_event WHERE request_id LIKE ?", ids))
                .isEqualTo(lines);
        assertThat(TestDatabase.count(
                        "SELECT count(*) FROM audit_event WHERE request_id LIKE ? AND action = 'inference.request'",
                        ids))
                .as("audited runs of " + job + ": one per line")
                .isEqualTo(lines);
        assertThat(TestDatabase.count(
                        "SELECT count(DISTINCT request_id) FROM audit_event WHERE request_id LIKE ?"
                                + " AND action = 'inference.request' AND outcome = 'OK'",
                        ids))
                .isEqualTo(lines);
        assertThat(column(job, "leased_by")).as("let go when done").isNull();
    }

    /** A queued job of {@code lines} lines as another instance, alive, holds it: its lease runs 10 more minutes. */
    private static String heldElsewhere(String like, int lines) {
        var job = UUID.randomUUID().toString();
        var inserted = TestDatabase.execute(
                "INSERT INTO batch_job (id, tenant_id, caller, caller_sub, caller_kind, model, model_version,"
                        + " file_name, columns, total_rows, status, created_at, leased_by, lease_expires_at)"
                        + " SELECT ?::uuid, tenant_id, caller, caller_sub, caller_kind, model, model_version, 'held.csv',"
                        + " columns, ?, 'QUEUED', now(), 'elsewhere/alive', now() + interval '10 minutes'"
                        + " FROM batch_job WHERE id = ?::uuid",
                job,
                lines,
                like);
        assertThat(inserted).isEqualTo(1);
        var counts = String.join(" ", java.util.Collections.nCopies(24, "420"));
        for (int line = 2; line < lines + 2; line++) {
            TestDatabase.execute(
                    "INSERT INTO batch_row (job_id, line, input, request_id) VALUES (?::uuid, ?, ?::jsonb, ?)",
                    job,
                    line,
                    "{\"recent_counts\": \"" + counts + "\", \"hour_of_day\": \"" + (line % 24)
                            + "\", \"day_of_week\": \"3\", \"is_holiday\": \"0\", \"precipitation_mm\": \"0\"}",
                    "batch-" + job + "-" + line);
        }
        return job;
    }

    @Test
    @Order(5)
    void withBothInstancesAliveEachBatchLineRunsExactlyOnce() throws Exception {
        departmentWithQuota(100_000);
        var onFirst = upload(first(), 40);
        var onSecond = upload(other(), 40);
        var held = heldElsewhere(onFirst, 12);

        awaitDone(onFirst);
        awaitDone(onSecond);
        assertEachLineRanOnce(onFirst, 40);
        assertEachLineRanOnce(onSecond, 40);

        // both instances' sweeps run (the second every 1.3 s, the first every 10 s): neither takes a job leased alive
        Thread.sleep(12_000);
        assertThat(column(held, "status")).isEqualTo("QUEUED");
        assertThat(column(held, "leased_by")).isEqualTo("elsewhere/alive");
        assertThat(finished(held)).isZero();
        assertThat(TestDatabase.count(
                        "SELECT count(*) FROM audit_event WHERE request_id LIKE ?", "batch-" + held + "-%"))
                .isZero();

        // its holder dies: once the lease expires, one of the two takes the job and runs each line once
        TestDatabase.execute(
                "UPDATE batch_job SET lease_expires_at = now() - interval '1 second' WHERE id = ?::uuid", held);
        awaitDone(held);
        assertEachLineRanOnce(held, 12);
    }

    @Test
    @Order(6)
    void anInstanceWhoseLeaseWasTakenKeepsNothingMoreOfTheJob() throws Exception {
        departmentWithQuota(100_000);
        int lines = 240;
        var job = upload(other(), lines);
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> finished(job) >= 8);
        // as if the second instance stalled past its lease and another took the job: the update waits for a chunk
        // committing under the lease, and from then on none of the second's chunks may commit
        var holder = column(job, "leased_by");
        assertThat(TestDatabase.execute(
                        "UPDATE batch_job SET leased_by = 'elsewhere/alive', lease_expires_at = now() + interval"
                                + " '10 minutes' WHERE id = ?::uuid AND leased_by = ?",
                        job,
                        holder))
                .isEqualTo(1);
        var settled = finished(job);
        Thread.sleep(5_000);
        assertThat(finished(job)).as("nothing kept after the lease was taken").isEqualTo(settled);
        assertThat(settled).isLessThan(lines);
        var ids = "batch-" + job + "-%";
        assertThat(TestDatabase.count("SELECT count(*) FROM usage_event WHERE request_id LIKE ?", ids))
                .isEqualTo(settled);
        assertThat(TestDatabase.count(
                        "SELECT count(*) FROM audit_event WHERE request_id LIKE ? AND action = 'inference.request'",
                        ids))
                .isEqualTo(settled);

        TestDatabase.execute(
                "UPDATE batch_job SET lease_expires_at = now() - interval '1 second' WHERE id = ?::uuid", job);
        awaitDone(job);
        assertEachLineRanOnce(job, lines);
    }

    @Test
    @Order(7)
    void aJobWhoseInstanceIsKilledMidWayIsFinishedByTheOtherEachLineChargedOnce() throws Exception {
        departmentWithQuota(100_000);
        int lines = 240;
        var job = upload(other(), lines);
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> finished(job) >= 8);
        var holder = column(job, "leased_by");
        second.kill();
        var killed = System.nanoTime();
        second = null;
        Thread.sleep(500); // a chunk's commit already sent when the process died lands, or is rolled back
        var settled = finished(job);
        assertThat(holder)
                .as("the job ran on the second instance, under its lease")
                .isNotNull();
        assertThat(settled).as("some chunks settled before the kill, not all").isBetween(8L, lines - 1L);

        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> finished(job) > settled);
        var takeover = Duration.ofNanos(System.nanoTime() - killed);
        var taker = column(job, "leased_by");
        System.out.println("TwoInstancesIT: batch " + job + " killed at " + settled + "/" + lines
                + " lines; the first line after the kill settled " + takeover.toMillis() + " ms later, by " + taker);
        awaitDone(job);

        assertThat(taker).as("taken over by the other instance").isNotEqualTo(holder);
        assertEachLineRanOnce(job, lines);
        var results = Http.getAny(first() + "api/v1/batches/" + job + "/results", token);
        assertThat(results.status()).as(results.body()).isEqualTo(200);
        var data = BatchScoringIT.dataLines(results.body());
        assertThat(data).hasSize(lines);
        for (int i = 0; i < lines; i++) {
            assertThat(data.get(i)).startsWith((i + 2) + ",").endsWith(",OK,");
        }
        // the lease's 4 s, the first instance's sweep interval (10 s), and a loaded machine
        assertThat(takeover).isLessThan(Duration.ofSeconds(60));
    }
}
