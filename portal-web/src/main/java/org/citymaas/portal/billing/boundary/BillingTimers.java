package org.citymaas.portal.billing.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.citymaas.billing.statements.entity.CloseOutcome;
import org.citymaas.portal.configuration.DemoBilling;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Billing's clocks on this instance: the period close (every hour by default; also a few seconds
 * after start, so that a portal that was down at month end catches up) and the budget evaluation
 * (every minute by default). Several instances may run both: the close takes a lock per department
 * and a month gets one statement; an alert fires once whoever evaluates it.
 */
@Singleton
@Startup
@DependsOn("DatabaseSetup")
public class BillingTimers {

    private static final Logger LOG = Logger.getLogger(BillingTimers.class.getName());
    private static final String CLOSE = "period-close";
    private static final String BUDGETS = "budget-watch";

    @Resource
    TimerService timers;

    @Inject
    Chargeback chargeback;

    @Inject
    BudgetDesk budgets;

    @Inject
    @ConfigProperty(name = "citymaas.billing.close-interval", defaultValue = "PT1H")
    Duration closeInterval;

    @Inject
    @ConfigProperty(name = "citymaas.billing.budget-interval", defaultValue = "PT1M")
    Duration budgetInterval;

    @Inject
    @ConfigProperty(name = "citymaas.billing.first-close-delay", defaultValue = "PT20S")
    Duration firstClose;

    @Inject
    DemoBilling demoBilling;

    @Inject
    @ConfigProperty(name = "citymaas.demo", defaultValue = "false")
    boolean demo;

    @PostConstruct
    void schedule() {
        if (demo) {
            try {
                demoBilling.load();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "could not load the demo billing history", e);
            }
        }
        for (var interval : new Duration[] {closeInterval, budgetInterval}) {
            if (interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("billing intervals are longer than zero: " + interval);
            }
        }
        timers.createIntervalTimer(firstClose.toMillis(), closeInterval.toMillis(), new TimerConfig(CLOSE, false));
        timers.createIntervalTimer(
                budgetInterval.toMillis(), budgetInterval.toMillis(), new TimerConfig(BUDGETS, false));
        LOG.info(() -> "period close every " + closeInterval + ", budget evaluation every " + budgetInterval);
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void run(Timer timer) {
        if (CLOSE.equals(timer.getInfo())) {
            close();
        } else {
            evaluateBudgets();
        }
    }

    private void close() {
        try {
            var outcomes = chargeback.closeDue();
            var changed = outcomes.stream()
                    .filter(o -> o.action() != CloseOutcome.Action.REFRESHED)
                    .toList();
            if (!changed.isEmpty()) {
                LOG.info(() -> "period close: " + changed);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "the period close failed; the next run tries again", e);
        }
    }

    private void evaluateBudgets() {
        for (var tenant : budgets.watched()) {
            try {
                budgets.evaluate(tenant);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "budget evaluation of " + tenant + " failed; the next run tries again", e);
            }
        }
    }
}
