package org.citymaas.portal.billing.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Period;
import java.time.YearMonth;
import java.util.List;
import org.citymaas.billing.statements.boundary.Statements;
import org.citymaas.billing.statements.entity.CloseOutcome;
import org.citymaas.billing.statements.entity.Statement;
import org.citymaas.portal.audit.boundary.AuditTrail;
import org.citymaas.portal.errors.InvalidParameterException;
import org.citymaas.portal.usage.control.ReportMonth;
import org.citymaas.security.audit.entity.ActorType;
import org.citymaas.security.audit.entity.AuditEvent;
import org.citymaas.security.identity.entity.Caller;
import org.citymaas.security.identity.entity.Role;
import org.citymaas.tenant.departments.entity.TenantId;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A department's monthly statements, as its admins, platform admins and the finance bureau see and
 * handle them: the month to date, drafts the budget holder accepts or disputes, statements a
 * platform admin closes, issues or voids. Every change is audited, without the comments people type
 * (the audit log holds structure, never text).
 */
@ApplicationScoped
public class Chargeback {

    @Inject
    Statements statements;

    @Inject
    Accounts accounts;

    @Inject
    AuditCitations citations;

    @Inject
    AuditTrail audit;

    /** The actor of the scheduled close in the audit log. */
    public static final String SYSTEM_ACTOR = "period-close";

    @Inject
    @ConfigProperty(name = "citymaas.billing.grace", defaultValue = "P3D")
    Period grace;

    private final Clock clock = Clock.systemUTC();

    /** The month it is now in the city. */
    public YearMonth currentMonth() {
        return ReportMonth.current(clock).month();
    }

    /** Every statement of the department the caller may see, newest first. */
    public List<Statement> statements(Caller caller, String department) {
        return statements.ofDepartment(accounts.visible(caller, department));
    }

    /**
     * The department's statement of the month: the current month's estimate (OPEN), else the stored
     * statement that is not void.
     *
     * @throws InvalidParameterException a bad month, or an ended month that has no statement yet
     */
    public Statement statement(Caller caller, String department, String month) {
        var tenant = accounts.visible(caller, department);
        var wanted = ReportMonth.parse(month, ReportMonth.current(clock)).month();
        if (wanted.equals(currentMonth())) {
            return statements.estimate(accounts.account(tenant), wanted, clock.instant());
        }
        return statements
                .find(tenant, wanted)
                .orElseThrow(() -> new InvalidParameterException(
                        "month", wanted + " has no statement yet: it is drafted after the month ends"));
    }

    /** The month to date of the caller's department (or the one named), never stored. */
    public Statement monthToDate(Caller caller, String department) {
        var tenant = accounts.visible(caller, department);
        return statements.estimate(accounts.account(tenant), currentMonth(), clock.instant());
    }

    /** The budget holder accepts the month's draft. */
    @Transactional
    public Statement accept(Caller caller, String month, String comment) {
        var tenant = ownDepartment(caller);
        var accepted = statements.accept(tenant, endedMonth(month), caller.name(), comment, clock.instant());
        audit.append(event(caller, "statement.accept", accepted, commentSize(comment)));
        return accepted;
    }

    /** The budget holder disputes the month's draft, saying why. */
    @Transactional
    public Statement dispute(Caller caller, String month, String comment) {
        var tenant = ownDepartment(caller);
        if (comment == null || comment.isBlank()) {
            throw new InvalidParameterException("comment", "a dispute says what is wrong");
        }
        var disputed = statements.dispute(tenant, endedMonth(month), caller.name(), comment, clock.instant());
        audit.append(event(caller, "statement.dispute", disputed, commentSize(comment)));
        return disputed;
    }

    /** A platform admin drafts (or refreshes the draft of) an ended month now. */
    @Transactional
    public Statement close(Caller caller, String department, String month) {
        var tenant = accounts.visible(caller, department);
        var closed = statements.close(accounts.account(tenant), endedMonth(month), clock.instant(), citations);
        audit.append(event(caller, "statement.close", closed, null));
        return closed;
    }

    /** A platform admin issues a month's draft before its grace window ends (or a disputed one). */
    @Transactional
    public Statement issue(Caller caller, String department, String month) {
        var tenant = accounts.visible(caller, department);
        var issued = statements.issue(
                accounts.account(tenant), endedMonth(month), caller.name(), clock.instant(), citations);
        audit.append(event(
                caller,
                "statement.issue",
                issued,
                "number " + issued.number() + ", total " + issued.total().toPlainString() + " CNY"));
        return issued;
    }

    /** A platform admin voids an issued statement with a reason; the month can then be closed again. */
    @Transactional
    public Statement voidStatement(Caller caller, String number, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidParameterException("reason", "a statement is voided only with a reason");
        }
        var voided = statements.voidStatement(number, reason.strip(), caller.name(), clock.instant());
        audit.append(event(
                caller, "statement.void", voided, "number " + voided.number() + ", reason " + commentSize(reason)));
        return voided;
    }

    /**
     * The scheduled close: drafts every ended month with usage, refreshes drafts, issues those whose
     * grace window has passed (not disputed ones), and audits what it did.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public List<CloseOutcome> closeDue() {
        var outcomes = statements.closeDue(clock.instant(), grace, accounts.all(), citations);
        for (var outcome : outcomes) {
            if (outcome.action() == CloseOutcome.Action.REFRESHED) {
                continue;
            }
            audit.record(AuditEvent.builder()
                    .actor(SYSTEM_ACTOR, ActorType.SERVICE)
                    .tenant(outcome.tenant())
                    .action("statement." + outcome.action().name().toLowerCase(java.util.Locale.ROOT))
                    .resource("tenants/" + outcome.tenant() + "/statements/" + outcome.month())
                    .outcome(outcome.action() == CloseOutcome.Action.FAILED ? "FAILED" : "OK", null)
                    .summary(outcome.action() == CloseOutcome.Action.ISSUED ? "number " + outcome.detail() : null)
                    .build());
        }
        return outcomes;
    }

    /** The statement with the number, if the caller may see its department. */
    public Statement byNumber(Caller caller, String number) {
        var statement = statements
                .byNumber(number)
                .orElseThrow(() -> new InvalidParameterException("number", "no statement has the number " + number));
        accounts.visible(caller, statement.account().tenant().value());
        return statement;
    }

    /** Every department's statement of an ended month (platform admins and the finance bureau). */
    public List<Statement> ofMonth(String month) {
        return statements.ofMonth(
                ReportMonth.parse(month, ReportMonth.current(clock)).month());
    }

    /** The file name of a statement's PDF: its number once issued, else department, month and status. */
    public static String pdfName(Statement statement) {
        return "citymaas-statement-"
                + (statement.number() != null
                        ? statement.number()
                        : statement.account().tenant() + "-" + statement.month() + "-"
                                + statement.status().name().toLowerCase(java.util.Locale.ROOT))
                + ".pdf";
    }

    private TenantId ownDepartment(Caller caller) {
        if (caller.tenant() == null || !caller.has(Role.TENANT_ADMIN)) {
            throw new InvalidParameterException("department", "only a department's admin answers its draft");
        }
        return caller.tenant();
    }

    private YearMonth endedMonth(String month) {
        if (month == null || month.isBlank()) {
            throw new InvalidParameterException("month", "name the month, YYYY-MM");
        }
        var wanted = ReportMonth.parse(month, ReportMonth.current(clock)).month();
        if (!wanted.isBefore(currentMonth())) {
            throw new InvalidParameterException("month", wanted + " has not ended yet (Asia/Shanghai)");
        }
        return wanted;
    }

    private static AuditEvent event(Caller caller, String action, Statement statement, String detail) {
        return AuditTrail.by(caller)
                .action(action)
                .resource("tenants/" + statement.account().tenant() + "/statements/" + statement.month())
                .outcome("OK", 200)
                .summary("status " + statement.status() + (detail == null ? "" : ", " + detail))
                .build();
    }

    private static String commentSize(String comment) {
        return "comment "
                + (comment == null
                        ? 0
                        : comment.strip().codePointCount(0, comment.strip().length()))
                + " characters (text not audited)";
    }
}
