package org.citymaas.billing.statements.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.citymaas.billing.statements.control.BillingDatabase.LOCATOR;
import static org.citymaas.billing.statements.control.BillingDatabase.account;
import static org.citymaas.billing.statements.control.BillingDatabase.event;

import java.sql.SQLException;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.citymaas.billing.errors.CheckpointMissingException;
import org.citymaas.billing.errors.MonthNotEndedException;
import org.citymaas.billing.errors.StatementReviewException;
import org.citymaas.billing.errors.StatementStateException;
import org.citymaas.billing.pricing.entity.PriceCard;
import org.citymaas.billing.pricing.entity.Rate;
import org.citymaas.billing.pricing.entity.Unit;
import org.citymaas.billing.statements.entity.AccountSettings;
import org.citymaas.billing.statements.entity.CheckpointLocator;
import org.citymaas.billing.statements.entity.Statement;
import org.citymaas.billing.statements.entity.StatementLineKind;
import org.citymaas.billing.statements.entity.StatementStatus;
import org.citymaas.tenant.departments.entity.TenantId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A department's month from DRAFT to ISSUED to VOID on PostgreSQL, as the application's role. */
class PeriodCloseIT {

    private static final Instant LATER = Instant.parse("2027-06-01T00:00:00Z");

    private static BillingDatabase db;
    private final PeriodClose close = new PeriodClose();
    private final StatementStore store = new StatementStore();

    @BeforeAll
    static void start() {
        db = new BillingDatabase();
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    /** A department of its own with a card pricing its model at 0.10 per request from 2019. */
    private static void department(String slug) throws SQLException {
        db.department(slug);
        db.card(PriceCard.forModel("model-" + slug, YearMonth.of(2019, 1), Rate.perUnit(Unit.REQUEST, "0.10")));
    }

    private static void requests(String slug, YearMonth month, String... ids) throws SQLException {
        var events = new ArrayList<org.citymaas.billing.usage.entity.UsageEvent>();
        var at = month.atDay(10).atStartOfDay(PeriodClose.ZONE).toInstant();
        for (var id : ids) {
            events.add(event(slug, id, "model-" + slug, "1", 2, "10.500", "cpu()", at));
        }
        db.record(events);
    }

    private Statement closeMonth(String slug, YearMonth month) throws SQLException {
        return db.inTransaction(c -> close.close(c, account(slug), month, LATER, LOCATOR));
    }

    private Statement issueMonth(String slug, YearMonth month) throws SQLException {
        return db.inTransaction(c -> close.issue(c, account(slug), month, "platform-admin", LATER, LOCATOR));
    }

    private static long count(String sql) throws SQLException {
        return db.inTransaction(c -> {
            try (var query = c.createStatement();
                    var result = query.executeQuery(sql)) {
                result.next();
                return result.getLong(1);
            }
        });
    }

    @Test
    void explanationsAreBilledOnALineOfTheirOwnAndRequestsCountOnlyInferences() throws SQLException {
        db.department("explained");
        db.card(PriceCard.forModel(
                "model-explained",
                YearMonth.of(2019, 1),
                Rate.perUnit(Unit.REQUEST, "0.10"),
                Rate.perUnit(Unit.EXPLANATION, "0.50")));
        var month = YearMonth.of(2026, 6);
        var at = month.atDay(10).atStartOfDay(PeriodClose.ZONE).toInstant();
        var explanation = event("explained", "x1", "model-explained", "1", 3, "900.000", "cpu()", at);
        db.record(List.of(
                event("explained", "i1", "model-explained", "1", 2, "10.500", "cpu()", at),
                new org.citymaas.billing.usage.entity.UsageEvent(
                        explanation.tenant(),
                        explanation.requestId(),
                        explanation.caller(),
                        explanation.model(),
                        explanation.modelVersion(),
                        explanation.rows(),
                        explanation.computeMillis(),
                        explanation.device(),
                        explanation.outcome(),
                        explanation.occurredAt(),
                        explanation.requestDigest(),
                        org.citymaas.billing.usage.entity.UsageKind.EXPLAIN)));

        var statement = closeMonth("explained", month);

        assertThat(statement.lines())
                .extracting(
                        l -> l.unit() + " " + l.quantity().stripTrailingZeros().toPlainString() + " " + l.rounded())
                .containsExactly("REQUEST 1 0.10", "EXPLANATION 3 1.50");
        assertThat(statement.total()).isEqualByComparingTo("1.60");
    }

    @Test
    void closingTwiceAndFromTwoThreadsAtOnceGivesOneStatement() throws Exception {
        department("twice");
        requests("twice", YearMonth.of(2026, 3), "r1", "r2");
        requests("twice", YearMonth.of(2026, 4), "r3");

        var first = closeMonth("twice", YearMonth.of(2026, 3));
        var second = closeMonth("twice", YearMonth.of(2026, 3));
        assertThat(second.id()).isEqualTo(first.id());
        assertThat(second.total()).isEqualByComparingTo("0.20");

        var closes = together(
                () -> closeMonth("twice", YearMonth.of(2026, 4)), () -> closeMonth("twice", YearMonth.of(2026, 4)));
        assertThat(closes.get(0).get().id()).isEqualTo(closes.get(1).get().id());
        assertThat(count("SELECT count(*) FROM statement WHERE tenant_id = 'twice' AND month = '2026-04-01'"))
                .isEqualTo(1);

        var issues = together(
                () -> issueMonth("twice", YearMonth.of(2026, 4)), () -> issueMonth("twice", YearMonth.of(2026, 4)));
        var numbers = new ArrayList<String>();
        var refused = 0;
        for (var issue : issues) {
            try {
                numbers.add(issue.get().number());
            } catch (java.util.concurrent.ExecutionException e) {
                assertThat(e.getCause()).isInstanceOf(StatementStateException.class);
                refused++;
            }
        }
        assertThat(numbers).hasSize(1);
        assertThat(refused).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM statement WHERE tenant_id = 'twice'"))
                .isEqualTo(2);
    }

    private static List<Future<Statement>> together(Callable<Statement> a, Callable<Statement> b)
            throws InterruptedException {
        var pool = Executors.newFixedThreadPool(2);
        var start = new CountDownLatch(1);
        try {
            var futures = new ArrayList<Future<Statement>>();
            for (var task : List.of(a, b)) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            for (var future : futures) {
                try {
                    future.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    // inspected by the caller
                }
            }
            return futures;
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void usageOfAnIssuedMonthRecordedLaterIsCorrectedInTheNextStatement() throws SQLException {
        department("late");
        var may = YearMonth.of(2026, 5);
        var june = YearMonth.of(2026, 6);
        requests("late", may, "m1", "m2", "m3");
        closeMonth("late", may);
        var issued = issueMonth("late", may);
        assertThat(issued.total()).isEqualByComparingTo("0.30");

        requests("late", may, "m4-retried-late");
        requests("late", june, "j1", "j2");
        closeMonth("late", june);
        var next = issueMonth("late", june);

        assertThat(db.inTransaction(c -> store.byNumber(c, issued.number())).orElseThrow())
                .as("the issued statement is unchanged")
                .isEqualTo(issued);
        assertThat(next.total()).isEqualByComparingTo("0.30");
        var correction = next.lines().stream()
                .filter(l -> l.kind() == StatementLineKind.CORRECTION)
                .toList();
        assertThat(correction).hasSize(1);
        assertThat(correction.get(0).corrects()).isEqualTo(issued.number());
        assertThat(correction.get(0).usageMonth()).isEqualTo(may);
        assertThat(correction.get(0).quantity()).isEqualByComparingTo("1");
        assertThat(correction.get(0).rounded()).isEqualByComparingTo("0.10");
        assertThat(correction.get(0).citation().requests()).isEqualTo(1);
        assertThat(correction.get(0).citation().lastRequestId()).isEqualTo("m4-retried-late");

        requests("late", YearMonth.of(2026, 7), "k1");
        var july = closeMonth("late", YearMonth.of(2026, 7));
        assertThat(july.lines())
                .as("a correction is made once")
                .noneMatch(l -> l.kind() == StatementLineKind.CORRECTION);
    }

    @Test
    void theApplicationCannotChangeAnIssuedStatementButVoidsItOnceWithAReason() throws SQLException {
        department("immutable");
        var month = YearMonth.of(2026, 2);
        requests("immutable", month, "i1", "i2");
        closeMonth("immutable", month);
        var issued = issueMonth("immutable", month);
        var id = "'" + issued.id() + "'";

        assertThatThrownBy(() -> count("UPDATE statement SET total = 0 WHERE id = " + id + " RETURNING 1"))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("cannot change");
        assertThatThrownBy(() -> count("UPDATE statement SET status = 'VOID', void_reason = 'x', total = 0 WHERE id = "
                        + id + " RETURNING 1"))
                .hasMessageContaining("cannot change");
        assertThatThrownBy(() -> count("DELETE FROM statement WHERE id = " + id + " RETURNING 1"))
                .hasMessageContaining("permission denied");
        assertThatThrownBy(() ->
                        count("UPDATE statement_line SET rounded = 0 WHERE statement_id = " + id + " RETURNING 1"))
                .hasMessageContaining("permission denied");
        assertThatThrownBy(() -> count("DELETE FROM statement_line_tier WHERE statement_id = " + id + " RETURNING 1"))
                .hasMessageContaining("cannot change");
        assertThatThrownBy(() -> count("DELETE FROM statement_line WHERE statement_id = " + id + " RETURNING 1"))
                .hasMessageContaining("cannot change");
        assertThatThrownBy(() -> count("INSERT INTO statement (id, tenant_id, month, status, number, name_zh, name_en,"
                        + " cost_centre, budget_holder, total, usage_high_water, computed_at, issued_at) VALUES"
                        + " (gen_random_uuid(), 'immutable', '2026-01-01', 'ISSUED', 'CM-2026-999999', 'x', 'x', 'x',"
                        + " 'x', 0, 0, now(), now()) RETURNING 1"))
                .hasMessageContaining("created as a DRAFT");
        assertThat(db.inTransaction(c -> store.byNumber(c, issued.number())).orElseThrow())
                .isEqualTo(issued);

        assertThatThrownBy(() ->
                        db.inTransaction(c -> close.voidStatement(c, issued.number(), " ", "platform-admin", LATER)))
                .isInstanceOf(StatementStateException.class);
        var voided = db.inTransaction(
                c -> close.voidStatement(c, issued.number(), "wrong cost centre", "platform-admin", LATER));
        assertThat(voided.status()).isEqualTo(StatementStatus.VOID);
        assertThat(voided.number()).isEqualTo(issued.number());
        assertThat(voided.voidReason()).isEqualTo("wrong cost centre");
        assertThat(voided.lines()).isEqualTo(issued.lines());
        assertThatThrownBy(() -> db.inTransaction(
                        c -> close.voidStatement(c, issued.number(), "again", "platform-admin", LATER)))
                .isInstanceOf(StatementStateException.class);
        assertThatThrownBy(() -> count("UPDATE statement SET void_reason = 'other' WHERE id = " + id + " RETURNING 1"))
                .hasMessageContaining("cannot change");

        var again = closeMonth("immutable", month);
        assertThat(again.id()).isNotEqualTo(issued.id());
        var reissued = issueMonth("immutable", month);
        assertThat(reissued.number()).isNotEqualTo(issued.number());
        assertThat(reissued.total()).isEqualTo(issued.total());
    }

    @Test
    void numbersAreGaplessInAFiscalYearEvenWhenAnIssueRollsBack() throws SQLException {
        var january = YearMonth.of(2019, 1);
        for (var slug : List.of("gap-a", "gap-b", "gap-c")) {
            department(slug);
            requests(slug, january, slug + "-1");
            closeMonth(slug, january);
        }
        assertThat(issueMonth("gap-a", january).number()).isEqualTo("CM-2019-000001");

        assertThatThrownBy(() -> db.inTransaction(c -> {
                    close.issue(c, account("gap-b"), january, "platform-admin", LATER, LOCATOR);
                    throw new IllegalStateException("the caller's transaction fails after the issue");
                }))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> db.inTransaction(c ->
                        close.issue(c, account("gap-b"), january, "platform-admin", LATER, CheckpointLocator.none())))
                .isInstanceOf(CheckpointMissingException.class)
                .hasMessageContaining("gap-b-1");
        assertThat(db.inTransaction(c -> store.current(c, new TenantId("gap-b"), january))
                        .orElseThrow()
                        .status())
                .isEqualTo(StatementStatus.DRAFT);

        assertThat(issueMonth("gap-b", january).number()).isEqualTo("CM-2019-000002");
        assertThat(issueMonth("gap-c", january).number()).isEqualTo("CM-2019-000003");
    }

    @Test
    void aMonthIsClosedOnlyAfterItEndsInShanghai() throws SQLException {
        department("early");
        var november = YearMonth.of(2026, 11);
        requests("early", november, "e1");

        assertThatThrownBy(() -> db.inTransaction(c ->
                        close.close(c, account("early"), november, Instant.parse("2026-11-30T15:59:59Z"), LOCATOR)))
                .isInstanceOf(MonthNotEndedException.class)
                .hasMessageContaining("2026-11");
        var draft = db.inTransaction(
                c -> close.close(c, account("early"), november, Instant.parse("2026-11-30T16:00:00Z"), LOCATOR));
        assertThat(draft.status()).isEqualTo(StatementStatus.DRAFT);
        assertThat(draft.checkpoint()).isEqualTo(BillingDatabase.CHECKPOINT);
    }

    @Test
    void theBudgetHolderReviewsADraftAndARefreshKeepsTheReview() throws SQLException {
        department("review");
        var month = YearMonth.of(2026, 1);
        requests("review", month, "v1");
        closeMonth("review", month);
        var tenant = new TenantId("review");

        assertThatThrownBy(() -> db.inTransaction(
                        c -> close.review(c, tenant, month, new Statement.Review(true, null, "someone-else", LATER))))
                .isInstanceOf(StatementReviewException.class);
        assertThatThrownBy(() -> new Statement.Review(false, " ", "review-holder", LATER))
                .isInstanceOf(IllegalArgumentException.class);
        db.inTransaction(c -> close.review(
                c, tenant, month, new Statement.Review(false, "we did not run v1", "review-holder", LATER)));

        requests("review", month, "v2");
        var refreshed = closeMonth("review", month);
        assertThat(refreshed.total()).isEqualByComparingTo("0.20");
        assertThat(refreshed.review().accepted()).isFalse();
        assertThat(refreshed.review().comment()).isEqualTo("we did not run v1");
    }

    @Test
    void anEstimateOfTheOpenMonthIsNotStored() throws SQLException {
        department("estimate");
        var month = YearMonth.of(2027, 5);
        requests("estimate", month, "o1", "o2", "o3");

        var estimate = db.inTransaction(
                c -> close.estimate(c, account("estimate"), month, Instant.parse("2027-05-20T00:00:00Z")));
        assertThat(estimate.status()).isEqualTo(StatementStatus.OPEN);
        assertThat(estimate.total()).isEqualByComparingTo("0.30");
        assertThat(count("SELECT count(*) FROM statement WHERE tenant_id = 'estimate'"))
                .isZero();
    }

    @Test
    void theScheduledCloseDraftsEndedMonthsIssuesAfterTheGraceWindowAndLeavesDisputesAlone() throws SQLException {
        department("job");
        var august = YearMonth.of(2026, 8);
        var september = YearMonth.of(2026, 9);
        requests("job", august, "a1");
        requests("job", september, "s1", "s2");
        requests("job", YearMonth.of(2026, 10), "o1");
        var job = new CloseJob();
        var accounts = List.of(account("job"));
        var grace = java.time.Period.ofDays(3);

        var first = job.run(db.app, Instant.parse("2026-10-02T00:00:00Z"), grace, accounts, LOCATOR);
        assertThat(first)
                .extracting(o -> o.month() + " " + o.action())
                .containsExactly("2026-08 DRAFTED", "2026-09 DRAFTED", "2026-08 ISSUED");
        assertThat(first.get(2).detail()).startsWith("CM-2026-");

        db.inTransaction(c -> close.review(
                c, new TenantId("job"), september, new Statement.Review(false, "s2 was a test", "job-holder", LATER)));
        var second = job.run(db.app, Instant.parse("2026-10-10T00:00:00Z"), grace, accounts, LOCATOR);
        assertThat(second).extracting(o -> o.month() + " " + o.action()).containsExactly("2026-09 DISPUTED");
        assertThat(db.inTransaction(c -> store.current(c, new TenantId("job"), september))
                        .orElseThrow()
                        .status())
                .isEqualTo(StatementStatus.DRAFT);

        var failing = job.run(db.app, Instant.parse("2026-11-10T00:00:00Z"), grace, accounts, CheckpointLocator.none());
        assertThat(failing)
                .extracting(o -> o.month() + " " + o.action())
                .containsExactly("2026-10 DRAFTED", "2026-09 DISPUTED", "2026-10 FAILED");
        assertThat(failing.get(2).detail()).contains("o1");
    }

    @Test
    void anIssueWaitsForUsageBeingRecordedSoThatNoEarlierEventCommitsAfterIt() throws Exception {
        department("inflight");
        var march = YearMonth.of(2026, 3);
        requests("inflight", march, "f1");
        closeMonth("inflight", march);

        try (var recording = db.app.getConnection()) {
            recording.setAutoCommit(false);
            new org.citymaas.billing.usage.control.UsageLedger()
                    .record(
                            recording,
                            event(
                                    "inflight",
                                    "f2-in-flight",
                                    "model-inflight",
                                    "1",
                                    1,
                                    "1.000",
                                    "cpu()",
                                    march.atDay(31)
                                            .atStartOfDay(PeriodClose.ZONE)
                                            .toInstant()));
            var pool = Executors.newSingleThreadExecutor();
            try {
                var issue = pool.submit(() -> issueMonth("inflight", march));
                Thread.sleep(500);
                assertThat(issue.isDone())
                        .as("the issue waits for the usage lock")
                        .isFalse();
                recording.commit();
                var issued = issue.get();
                assertThat(issued.total()).isEqualByComparingTo("0.20");
                assertThat(issued.lines().get(0).citation().lastRequestId()).isEqualTo("f2-in-flight");
            } finally {
                pool.shutdown();
            }
        }
    }

    @Test
    void aBillingAccountIsSetReplacedAndFound() throws SQLException {
        department("account");
        var accounts = new AccountStore();
        var tenant = new TenantId("account");
        db.inTransaction(c -> {
            accounts.set(c, new AccountSettings(tenant, "CC-100", "alice", "platform-admin", LATER));
            accounts.set(c, new AccountSettings(tenant, "CC-200", "bob", "platform-admin", LATER));
            return null;
        });

        var found = db.inTransaction(c -> accounts.find(c, tenant)).orElseThrow();
        assertThat(found.costCentre()).isEqualTo("CC-200");
        assertThat(found.budgetHolder()).isEqualTo("bob");
        assertThat(found.named("部门", "Dept").costCentre()).isEqualTo("CC-200");
        Optional<AccountSettings> none = db.inTransaction(c -> accounts.find(c, new TenantId("transport")));
        assertThat(none).isEmpty();
    }
}
