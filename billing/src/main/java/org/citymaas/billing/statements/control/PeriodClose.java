package org.citymaas.billing.statements.control;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.Period;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.citymaas.billing.errors.CheckpointMissingException;
import org.citymaas.billing.errors.MonthNotEndedException;
import org.citymaas.billing.errors.StatementNotFoundException;
import org.citymaas.billing.errors.StatementReviewException;
import org.citymaas.billing.errors.StatementStateException;
import org.citymaas.billing.pricing.control.PriceCardStore;
import org.citymaas.billing.statements.entity.BillingAccount;
import org.citymaas.billing.statements.entity.CheckpointLocator;
import org.citymaas.billing.statements.entity.Statement;
import org.citymaas.billing.statements.entity.StatementLine;
import org.citymaas.billing.statements.entity.StatementStatus;
import org.citymaas.billing.usage.control.UsageLock;
import org.citymaas.tenant.departments.entity.TenantId;

/**
 * A department's month through its states, on the caller's connection and inside its transaction:
 * estimate (OPEN, never stored), close (a DRAFT, created or recomputed), review, issue (recomputed
 * under the department's exclusive {@link UsageLock}, numbered from the fiscal year's counter row) and
 * void. Closing and issuing take the lock, so two closes of a month run one after the other and the
 * second finds the first's statement; the database's unique index keeps one statement that is not VOID
 * per department and month besides.
 */
public final class PeriodClose {

    /** The zone months are counted in. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final PriceCardStore prices = new PriceCardStore();
    private final StatementStore store = new StatementStore();
    private final UsageReader usage = new UsageReader();
    private final StatementLines calculator = new StatementLines();
    private final BilledMonths billed = new BilledMonths();

    /** The first instant after the month (Asia/Shanghai). */
    public static Instant end(YearMonth month) {
        return month.plusMonths(1).atDay(1).atStartOfDay(ZONE).toInstant();
    }

    /** When the month's draft is issued by the scheduled close: the grace window after its end. */
    public static Instant issueDue(YearMonth month, Period grace) {
        return month.plusMonths(1).atDay(1).atStartOfDay(ZONE).plus(grace).toInstant();
    }

    /** The month to date (or a past month) as its statement would say now; nothing is stored or locked. */
    public Statement estimate(Connection connection, BillingAccount account, YearMonth month, Instant now)
            throws SQLException {
        return compute(connection, account, month, null, Long.MAX_VALUE, now, CheckpointLocator.none(), false);
    }

    /**
     * Creates the month's DRAFT, or recomputes it while it is one (its review stays); an ISSUED month
     * is returned as it is.
     *
     * @throws MonthNotEndedException before the month has ended
     */
    public Statement close(
            Connection connection, BillingAccount account, YearMonth month, Instant now, CheckpointLocator locator)
            throws SQLException {
        requireEnded(month, now);
        lock(connection, account.tenant());
        var existing = store.current(connection, account.tenant(), month);
        if (existing.isPresent() && existing.get().status() != StatementStatus.DRAFT) {
            return existing.get();
        }
        var highWater = usage.highWater(connection, account.tenant());
        var id = existing.map(Statement::id).orElseGet(UUID::randomUUID);
        var draft = compute(connection, account, month, id, highWater, now, locator, false);
        if (existing.isPresent()) {
            store.refreshDraft(connection, draft, highWater);
        } else {
            store.insertDraft(connection, draft, highWater);
        }
        return store.current(connection, account.tenant(), month).orElseThrow();
    }

    /**
     * Issues the month's DRAFT: recomputes it under the lock, numbers it {@code CM-<yyyy>-<nnnnnn>} in
     * the fiscal year of the month billed, and stores it for good with the highest usage seq it covers.
     *
     * @throws StatementStateException when the month has no DRAFT
     * @throws CheckpointMissingException when no signed checkpoint covers a line's last request yet
     */
    public Statement issue(
            Connection connection,
            BillingAccount account,
            YearMonth month,
            String by,
            Instant now,
            CheckpointLocator locator)
            throws SQLException {
        requireEnded(month, now);
        lock(connection, account.tenant());
        var draft = store.current(connection, account.tenant(), month)
                .filter(s -> s.status() == StatementStatus.DRAFT)
                .orElseThrow(() -> new StatementStateException(
                        account.tenant().value() + " has no draft for " + month + " to issue; close the month first"));
        var highWater = usage.highWater(connection, account.tenant());
        var issued = compute(connection, account, month, draft.id(), highWater, now, locator, true);
        store.refreshDraft(connection, issued, highWater);
        var number = "CM-%04d-%06d".formatted(month.getYear(), store.nextNumber(connection, month.getYear()));
        store.issue(connection, draft.id(), number, now, by);
        return store.byNumber(connection, number).orElseThrow();
    }

    /** Voids an ISSUED statement; it keeps its number, and its month can be closed again. */
    public Statement voidStatement(Connection connection, String number, String reason, String by, Instant at)
            throws SQLException {
        if (reason == null || reason.isBlank()) {
            throw new StatementStateException("a statement is voided only with a reason");
        }
        var statement = store.byNumber(connection, number)
                .orElseThrow(() -> new StatementNotFoundException("no statement is numbered " + number));
        if (statement.status() != StatementStatus.ISSUED) {
            throw new StatementStateException(number + " is " + statement.status() + "; only an ISSUED one is voided");
        }
        store.voidIssued(connection, statement.id(), reason, by, at);
        return store.byNumber(connection, number).orElseThrow();
    }

    /** The budget holder accepts or disputes the month's DRAFT (a dispute needs a comment). */
    public Statement review(Connection connection, TenantId tenant, YearMonth month, Statement.Review review)
            throws SQLException {
        Objects.requireNonNull(review, "review");
        var draft = store.current(connection, tenant, month)
                .orElseThrow(() -> new StatementNotFoundException(tenant.value() + " has no statement of " + month));
        if (draft.status() != StatementStatus.DRAFT) {
            throw new StatementStateException(
                    "the statement of " + month + " is " + draft.status() + "; only a DRAFT is accepted or disputed");
        }
        if (!draft.account().budgetHolder().equals(review.by())) {
            throw new StatementReviewException(review.by() + " is not the budget holder of " + tenant.value() + "; "
                    + draft.account().budgetHolder() + " is");
        }
        store.review(connection, draft.id(), review);
        return store.current(connection, tenant, month).orElseThrow();
    }

    private static void requireEnded(YearMonth month, Instant now) {
        if (now.isBefore(end(month))) {
            throw new MonthNotEndedException(month + " ends at " + end(month) + " (Asia/Shanghai midnight); it is "
                    + now + ", so it cannot be closed yet");
        }
    }

    private static void lock(Connection connection, TenantId tenant) throws SQLException {
        UsageLock.exclusive(connection, tenant);
        PriceCardStore.holdPrices(connection);
    }

    private Statement compute(
            Connection connection,
            BillingAccount account,
            YearMonth month,
            UUID id,
            long upTo,
            Instant now,
            CheckpointLocator locator,
            boolean requireCheckpoints)
            throws SQLException {
        var tenant = account.tenant();
        var book = prices.book(connection);
        var lines = new ArrayList<>(calculator.usage(book, month, usage.usage(connection, tenant, month, 0, upTo)));
        for (var issued : billed.before(connection, tenant, month)) {
            if (usage.anyBetween(connection, tenant, issued.month(), issued.billedThrough(), upTo)) {
                lines.addAll(calculator.corrections(
                        book,
                        issued.month(),
                        issued.number(),
                        usage.usage(connection, tenant, issued.month(), 0, issued.billedThrough()),
                        usage.usage(connection, tenant, issued.month(), issued.billedThrough(), upTo),
                        usage.usage(connection, tenant, issued.month(), 0, upTo)));
            }
        }
        var cited = cite(tenant, lines, locator, requireCheckpoints);
        var checkpoint = cited.stream()
                .map(l -> l.citation().checkpointSeq() == null
                        ? null
                        : new Statement.CheckpointRef(
                                l.citation().checkpointSeq(), l.citation().checkpointHash()))
                .filter(Objects::nonNull)
                .max(Comparator.comparingLong(Statement.CheckpointRef::seq))
                .orElse(null);
        var total = cited.stream().map(StatementLine::rounded).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        var status = id == null ? StatementStatus.OPEN : StatementStatus.DRAFT;
        return new Statement(id, account, month, status, null, cited, total, checkpoint, now, null, null, null);
    }

    /** Numbers the lines from 1 and cites the checkpoint covering each line's last request. */
    private static List<StatementLine> cite(
            TenantId tenant, List<StatementLine> lines, CheckpointLocator locator, boolean required) {
        var found = new HashMap<String, Optional<Statement.CheckpointRef>>();
        var cited = new ArrayList<StatementLine>();
        for (var line : lines) {
            var numbered = line.numbered(cited.size() + 1);
            var last = line.citation().lastRequestId();
            if (last != null) {
                var checkpoint = found.computeIfAbsent(last, r -> locator.covering(tenant, r));
                if (checkpoint.isPresent()) {
                    numbered = numbered.coveredBy(checkpoint.get());
                } else if (required) {
                    throw new CheckpointMissingException("no signed audit checkpoint covers request " + last + " of "
                            + tenant.value() + " yet; sign a checkpoint, then issue again");
                }
            }
            cited.add(numbered);
        }
        return cited;
    }
}
