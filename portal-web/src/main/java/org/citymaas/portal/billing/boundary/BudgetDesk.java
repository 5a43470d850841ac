package org.citymaas.portal.billing.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import org.citymaas.billing.budgets.boundary.Budgets;
import org.citymaas.billing.budgets.entity.Budget;
import org.citymaas.billing.budgets.entity.BudgetAlert;
import org.citymaas.billing.budgets.entity.EnforcementMode;
import org.citymaas.billing.errors.InvalidBudgetException;
import org.citymaas.billing.statements.boundary.Statements;
import org.citymaas.portal.audit.boundary.AuditTrail;
import org.citymaas.portal.billing.entity.BudgetStatus;
import org.citymaas.portal.errors.InvalidParameterException;
import org.citymaas.portal.usage.control.ReportMonth;
import org.citymaas.security.audit.entity.ActorType;
import org.citymaas.security.audit.entity.AuditEvent;
import org.citymaas.security.identity.entity.Caller;
import org.citymaas.security.identity.entity.Role;
import org.citymaas.tenant.departments.entity.TenantId;

/**
 * Departments' monthly budgets: platform admins set them (SOFT: alerts only; HARD: new requests get
 * 402 once the month's cost reaches the budget), the evaluation compares the month-to-date cost and
 * forecast with them and audits each alert as it fires or resolves, and tenant and platform admins
 * see the active alerts.
 */
@ApplicationScoped
public class BudgetDesk {

    /** The actor of the scheduled evaluation in the audit log. */
    public static final String SYSTEM_ACTOR = "budget-watch";

    @Inject
    Budgets budgets;

    @Inject
    Statements statements;

    @Inject
    Accounts accounts;

    @Inject
    BudgetGuard guard;

    @Inject
    AuditTrail audit;

    private final Clock clock = Clock.systemUTC();

    /** The department's budget, month-to-date cost, forecast and active alerts. */
    public BudgetStatus status(Caller caller, String department) {
        var tenant = accounts.visible(caller, department);
        var month = month();
        var monthToDate = monthToDate(tenant, month);
        return new BudgetStatus(
                tenant.value(),
                month,
                budgets.find(tenant),
                monthToDate,
                budgets.forecast(month, monthToDate, clock.instant()),
                budgets.active(tenant, month));
    }

    /** The alerts to show the caller as a banner: their department's, or every department's for a platform admin. */
    public List<BudgetAlert> banner(Caller caller) {
        if (caller.has(Role.PLATFORM_ADMIN)) {
            return budgets.activeEverywhere(month());
        }
        if (caller.has(Role.TENANT_ADMIN) && caller.tenant() != null) {
            return budgets.active(caller.tenant(), month());
        }
        return List.of();
    }

    /**
     * A platform admin sets the department's monthly budget and its enforcement, and the month is
     * evaluated against it at once.
     *
     * @throws InvalidParameterException not an amount in CNY, or not SOFT or HARD
     */
    @Transactional
    public BudgetStatus set(Caller caller, String department, String amount, String mode) {
        var tenant = accounts.visible(caller, department);
        var budget = budget(tenant, amount, mode, caller);
        budgets.set(budget);
        audit.append(AuditTrail.by(caller)
                .action("budget.set")
                .resource("tenants/" + tenant + "/budget")
                .outcome("OK", 200)
                .summary("monthly " + budget.monthlyLimit().toPlainString() + " CNY, " + budget.mode())
                .build());
        evaluateIn(tenant, caller.name());
        return status(caller, department);
    }

    /** A platform admin removes the department's budget; its active alerts resolve. */
    @Transactional
    public boolean clear(Caller caller, String department) {
        var tenant = accounts.visible(caller, department);
        var cleared = budgets.clear(tenant);
        audit.append(AuditTrail.by(caller)
                .action("budget.clear")
                .resource("tenants/" + tenant + "/budget")
                .outcome(cleared ? "OK" : "NOT_FOUND", cleared ? 200 : 404)
                .build());
        evaluateIn(tenant, caller.name());
        return cleared;
    }

    /** The departments the scheduled evaluation looks at: those with a budget or an active alert. */
    public List<TenantId> watched() {
        var tenants = new java.util.TreeSet<TenantId>((a, b) -> a.value().compareTo(b.value()));
        budgets.all().forEach(b -> tenants.add(b.tenant()));
        budgets.activeEverywhere(month()).forEach(a -> tenants.add(a.tenant()));
        return List.copyOf(tenants);
    }

    /** The scheduled evaluation of one department, in a transaction of its own. */
    @Transactional(TxType.REQUIRES_NEW)
    public List<BudgetAlert> evaluate(TenantId tenant) {
        return evaluateIn(tenant, SYSTEM_ACTOR);
    }

    private List<BudgetAlert> evaluateIn(TenantId tenant, String actor) {
        var month = month();
        var monthToDate = monthToDate(tenant, month);
        var transitions = budgets.evaluate(tenant, month, monthToDate, clock.instant());
        for (var alert : transitions) {
            audit.append(AuditEvent.builder()
                    .actor(actor, actor.equals(SYSTEM_ACTOR) ? ActorType.SERVICE : ActorType.USER)
                    .tenant(tenant)
                    .action("budget.alert")
                    .resource("tenants/" + tenant + "/budget/alerts/" + month + "/" + alert.kind())
                    .outcome(alert.event().name(), null)
                    .summary(alert.kind() + " " + alert.event() + ": "
                            + alert.observed().toPlainString() + " CNY of "
                            + alert.budget().toPlainString() + " CNY")
                    .build());
        }
        guard.update(tenant, budgets.find(tenant), monthToDate);
        return transitions;
    }

    private BigDecimal monthToDate(TenantId tenant, YearMonth month) {
        return statements
                .estimate(accounts.account(tenant), month, clock.instant())
                .total();
    }

    private YearMonth month() {
        return ReportMonth.current(clock).month();
    }

    private Budget budget(TenantId tenant, String amount, String mode, Caller caller) {
        BigDecimal limit;
        try {
            limit = new BigDecimal(amount == null ? "" : amount.strip());
        } catch (NumberFormatException e) {
            throw new InvalidParameterException("monthlyLimit", "a budget is an amount in CNY, e.g. 5000.00");
        }
        EnforcementMode enforcement;
        try {
            enforcement = EnforcementMode.valueOf(mode == null ? "SOFT" : mode.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException("mode", "SOFT (alerts only) or HARD (refuse requests at 100%)");
        }
        try {
            return new Budget(tenant, limit, enforcement, caller.name(), clock.instant());
        } catch (InvalidBudgetException e) {
            throw new InvalidParameterException("monthlyLimit", e.getMessage());
        }
    }
}
