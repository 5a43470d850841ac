package org.citymaas.billing.statements.entity;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One department's statement for one month.
 *
 * @param id the statement's id
 * @param account the department it is addressed to, as it stood when last refreshed (fixed at issue)
 * @param month the month billed (Asia/Shanghai)
 * @param status where it stands
 * @param number the gapless number per fiscal year, such as {@code CM-2026-000123}; null until issued
 * @param lines the lines, by line number
 * @param total the sum of the lines' rounded amounts, scale 2
 * @param checkpoint the audit checkpoint that covers the last usage of the statement; null while none
 *     does (an issued statement with usage always has one)
 * @param computedAt when the lines were last computed
 * @param issuedAt when it was issued; null before
 * @param review the budget holder's acceptance or dispute; null while there is none
 * @param voidReason why it was voided; null unless void
 */
public record Statement(
        UUID id,
        BillingAccount account,
        YearMonth month,
        StatementStatus status,
        String number,
        List<StatementLine> lines,
        BigDecimal total,
        CheckpointRef checkpoint,
        Instant computedAt,
        Instant issuedAt,
        Review review,
        String voidReason) {

    private static final Pattern NUMBER = Pattern.compile("CM-\\d{4}-\\d{6}");

    public Statement {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(status, "status");
        lines = List.copyOf(lines);
        Objects.requireNonNull(total, "total");
        var sum = lines.stream().map(StatementLine::rounded).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        if (total.scale() != 2 || sum.compareTo(total) != 0) {
            throw new IllegalArgumentException("a statement's total is the sum of its rounded lines: " + sum);
        }
        var numbered = status == StatementStatus.ISSUED || status == StatementStatus.VOID;
        if (numbered != (number != null)) {
            throw new IllegalArgumentException("issued and void statements, and only they, carry a number");
        }
        if (number != null && !NUMBER.matcher(number).matches()) {
            throw new IllegalArgumentException("a statement number looks like CM-2026-000123, not " + number);
        }
        if ((status == StatementStatus.VOID) != (voidReason != null && !voidReason.isBlank())) {
            throw new IllegalArgumentException("a void statement, and only one, gives its reason");
        }
    }

    /**
     * A signed audit checkpoint, cited.
     *
     * @param seq the sequence number of the last audit event it covers
     * @param headHash the chain head hash it signed
     */
    public record CheckpointRef(long seq, String headHash) {
        public CheckpointRef {
            Objects.requireNonNull(headHash, "head hash");
        }
    }

    /**
     * The budget holder's answer to a draft.
     *
     * @param accepted true when accepted, false when disputed
     * @param comment the comment (required for a dispute)
     * @param by who answered
     * @param at when
     */
    public record Review(boolean accepted, String comment, String by, Instant at) {
        public Review {
            Objects.requireNonNull(by, "by");
            Objects.requireNonNull(at, "at");
            if (!accepted && (comment == null || comment.isBlank())) {
                throw new IllegalArgumentException("a dispute says why");
            }
        }
    }
}
