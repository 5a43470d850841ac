package org.citymaas.portal.configuration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.logging.Logger;
import org.citymaas.billing.budgets.boundary.Budgets;
import org.citymaas.billing.budgets.entity.Budget;
import org.citymaas.billing.budgets.entity.EnforcementMode;
import org.citymaas.billing.pricing.boundary.PriceCards;
import org.citymaas.billing.pricing.entity.PriceCard;
import org.citymaas.billing.pricing.entity.Rate;
import org.citymaas.billing.pricing.entity.Tier;
import org.citymaas.billing.pricing.entity.Unit;
import org.citymaas.billing.statements.boundary.BillingAccounts;
import org.citymaas.billing.statements.entity.AccountSettings;
import org.citymaas.billing.usage.boundary.UsageEvents;
import org.citymaas.billing.usage.entity.UsageEvent;
import org.citymaas.runtime.catalog.boundary.Catalog;
import org.citymaas.security.audit.boundary.AuditLog;
import org.citymaas.security.audit.entity.ActorType;
import org.citymaas.security.audit.entity.AuditEvent;
import org.citymaas.tenant.departments.entity.TenantId;
import org.citymaas.tenant.quotas.entity.QuotaPeriod;

/**
 * The demo run's billing history (only with {@code citymaas.demo=true}, never in production): price
 * cards from four months back (with a price change last month), each demo department's cost centre,
 * budget holder and a SOFT budget, and three past months of usage. Imported usage is written to the
 * audit log as {@code usage.import} events, one per request, so that the statements the period close
 * issues from it cite signed checkpoints like any others. Each part is loaded once: a database that
 * has price cards, accounts or past usage keeps them.
 */
@ApplicationScoped
public class DemoBilling {

    private static final Logger LOG = Logger.getLogger(DemoBilling.class.getName());
    private static final String ACTOR = "demo-data";

    /** Department, model, cost centre, budget holder, monthly requests (about), monthly budget. */
    private record Demo(String tenant, String model, String costCentre, String holder, int requests, String budget) {}

    private static final List<Demo> DEMOS = List.of(
            new Demo("transport", "traffic-flow-forecast", "CC-4101-JT", "transport-admin", 180, "300.00"),
            new Demo("education", "education-score-predict", "CC-4102-JY", "education-admin", 90, "100.00"),
            new Demo("health", "health-risk", "CC-4103-WJ", "health-admin", 60, "80.00"),
            new Demo("environment", "air-quality-forecast", "CC-4104-HB", "environment-admin", 140, "150.00"),
            new Demo("hotline", "complaint-routing", "CC-4105-RX", "hotline-admin", 220, "200.00"));

    @Inject
    PriceCards cards;

    @Inject
    BillingAccounts accounts;

    @Inject
    Budgets budgets;

    @Inject
    UsageEvents usage;

    @Inject
    AuditLog audit;

    @Inject
    Catalog catalog;

    private final Clock clock = Clock.systemUTC();

    /** Loads what is missing of the demo billing history. */
    @Transactional
    public void load() {
        var now = clock.instant();
        var current = YearMonth.now(clock.withZone(QuotaPeriod.CITY_ZONE));
        if (cards.all().isEmpty()) {
            priceCards(current).forEach(card -> cards.add(card, ACTOR, now));
        }
        for (var demo : DEMOS) {
            var tenant = new TenantId(demo.tenant());
            if (accounts.find(tenant).isEmpty()) {
                accounts.set(new AccountSettings(tenant, demo.costCentre(), demo.holder(), ACTOR, now));
            }
            if (budgets.find(tenant).isEmpty()) {
                budgets.set(new Budget(tenant, new BigDecimal(demo.budget()), EnforcementMode.SOFT, ACTOR, now));
            }
        }
        if (usage.months(new TenantId(DEMOS.get(0).tenant()), current).size() <= 1) {
            int imported = 0;
            for (var demo : DEMOS) {
                imported += importUsage(demo, current);
            }
            var count = imported;
            LOG.info(() -> "demo billing: imported " + count + " requests of usage over three past months");
        }
    }

    private static List<PriceCard> priceCards(YearMonth current) {
        var from = current.minusMonths(4);
        return List.of(
                PriceCard.forModel(
                        "traffic-flow-forecast",
                        from,
                        Rate.graduated(Unit.REQUEST, Tier.upTo("100", "0.80"), Tier.above("0.50")),
                        Rate.perUnit(Unit.ROW, "0.002")),
                PriceCard.forModel(
                        "traffic-flow-forecast",
                        current.minusMonths(1),
                        Rate.graduated(Unit.REQUEST, Tier.upTo("100", "0.70"), Tier.above("0.45")),
                        Rate.perUnit(Unit.ROW, "0.002")),
                PriceCard.forModel(
                                "education-score-predict",
                                from,
                                new Rate(
                                        Unit.REQUEST,
                                        org.citymaas.billing.pricing.entity.ChargeModel.PER_UNIT,
                                        List.of(Tier.above("0.60")),
                                        null,
                                        new BigDecimal("20")))
                        .withMonthlyMinimum("50.00"),
                PriceCard.forModel(
                        "health-risk", from, Rate.perUnit(Unit.REQUEST, "1.20"), Rate.perUnit(Unit.CPU_SECOND, "0.05")),
                PriceCard.forModel(
                        "air-quality-forecast",
                        from,
                        Rate.volume(Unit.REQUEST, Tier.upTo("120", "0.90"), Tier.above("0.75"))),
                PriceCard.forModel("complaint-routing", from, Rate.perPackage(Unit.ROW, "100", "6.00")));
    }

    private int importUsage(Demo demo, YearMonth current) {
        var tenant = new TenantId(demo.tenant());
        var versions = catalog.versions(demo.model());
        if (versions.isEmpty()) {
            return 0;
        }
        var version = versions.get(versions.size() - 1).card().version();
        var events = new ArrayList<AuditEvent>();
        for (int back = 3; back >= 1; back--) {
            var month = current.minusMonths(back);
            var random = new Random(demo.tenant().hashCode() * 31L + month.hashCode());
            int requests = demo.requests() / 2 + random.nextInt(demo.requests());
            for (int i = 0; i < requests; i++) {
                var day = 1 + random.nextInt(month.lengthOfMonth());
                var at = month.atDay(day)
                        .atTime(LocalTime.of(8 + random.nextInt(11), random.nextInt(60), random.nextInt(60)))
                        .atZone(QuotaPeriod.CITY_ZONE)
                        .toInstant();
                var requestId = "demo-" + month + "-" + demo.tenant() + "-" + i;
                int rows = 1 + random.nextInt(demo.model().equals("complaint-routing") ? 30 : 12);
                var millis = BigDecimal.valueOf(40 + random.nextInt(900)).setScale(3);
                usage.record(new UsageEvent(
                        tenant, requestId, ACTOR, demo.model(), version, rows, millis, "cpu()", "OK", at, null));
                events.add(AuditEvent.builder()
                        .actor(ACTOR, ActorType.SERVICE)
                        .tenant(tenant)
                        .action("usage.import")
                        .resource("models/" + demo.model() + "/versions/" + version)
                        .requestId(requestId)
                        .outcome("OK", null)
                        .summary("demo usage of " + month + ", rows " + rows)
                        .build());
            }
        }
        audit.recordAll(events);
        return events.size();
    }
}
