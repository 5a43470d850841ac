package org.citymaas.billing.statements.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.SQLException;
import java.time.Instant;
import java.time.Period;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.citymaas.billing.pricing.entity.PriceCard;
import org.citymaas.billing.pricing.entity.Rate;
import org.citymaas.billing.pricing.entity.Tier;
import org.citymaas.billing.pricing.entity.Unit;
import org.citymaas.billing.statements.entity.BillingAccount;
import org.citymaas.billing.statements.entity.CloseOutcome;
import org.citymaas.billing.statements.entity.StatementStatus;
import org.citymaas.billing.usage.entity.UsageEvent;
import org.citymaas.tenant.departments.entity.TenantId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A generated year of usage (fixed seed) for several departments and models, closed and issued by the
 * scheduled close: each statement's total is checked against prices worked out here unit by unit,
 * without the calculator, and the city total against the department totals and its rounding line.
 */
class GeneratedYearIT {

    private static final List<String> DEPARTMENTS = List.of("year-a", "year-b", "year-c", "year-d");
    private static final int YEAR = 2025;
    private static final YearMonth PRICE_CHANGE = YearMonth.of(YEAR, 7);
    private static final YearMonth PACKAGE_FROM = YearMonth.of(YEAR, 4);

    private static BillingDatabase db;

    /** Per department and month, the billable events of each model version. */
    private final Map<String, Map<YearMonth, Map<String, List<UsageEvent>>>> billable = new HashMap<>();

    @BeforeAll
    static void start() {
        db = new BillingDatabase();
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @Test
    void everyIssuedStatementIsItsUsageTimesItsPricesToTheFen() throws SQLException {
        prices();
        var accounts = new ArrayList<BillingAccount>();
        for (var slug : DEPARTMENTS) {
            db.department(slug);
            accounts.add(BillingDatabase.account(slug));
            generate(slug, new Random(slug.hashCode() * 31L + YEAR));
        }

        var outcomes = new CloseJob()
                .run(
                        db.app,
                        Instant.parse("2026-01-05T00:00:00Z"),
                        Period.ofDays(3),
                        accounts,
                        BillingDatabase.LOCATOR);

        assertThat(outcomes).noneMatch(o -> o.action() == CloseOutcome.Action.FAILED);
        var store = new StatementStore();
        var numbers = new TreeSet<String>();
        for (int m = 1; m <= 12; m++) {
            var month = YearMonth.of(YEAR, m);
            var statements = db.inTransaction(c -> store.ofMonth(c, month));
            var exact = BigDecimal.ZERO;
            for (var slug : DEPARTMENTS) {
                var statement = statements.stream()
                        .filter(s -> s.account().tenant().equals(new TenantId(slug)))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError(slug + " has no statement of " + month));
                assertThat(statement.status()).isEqualTo(StatementStatus.ISSUED);
                numbers.add(statement.number());
                var expected = expected(slug, month);
                assertThat(statement.total()).as("%s %s", slug, month).isEqualByComparingTo(expected[0]);
                exact = exact.add(expected[1]);
            }
            var city = CityTotals.of(statements);
            assertThat(city.departmentsTotal().add(city.rounding().rounded())).isEqualByComparingTo(city.total());
            assertThat(city.total()).isEqualByComparingTo(exact.setScale(2, RoundingMode.HALF_UP));
        }
        assertThat(numbers)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 12 * DEPARTMENTS.size())
                        .mapToObj(n -> "CM-%d-%06d".formatted(YEAR, n))
                        .toList());
    }

    private static void prices() throws SQLException {
        db.card(PriceCard.forModel(
                "flow",
                YearMonth.of(YEAR, 1),
                new Rate(
                                Unit.REQUEST,
                                org.citymaas.billing.pricing.entity.ChargeModel.GRADUATED,
                                List.of(Tier.upTo("20", "0.05"), Tier.upTo("50", "0.03"), Tier.above("0.01")),
                                null,
                                BigDecimal.ZERO)
                        .withFreeAllowance("5"),
                Rate.perUnit(Unit.CPU_SECOND, "0.002")));
        db.card(PriceCard.forModel(
                "flow",
                PRICE_CHANGE,
                Rate.graduated(Unit.REQUEST, Tier.upTo("30", "0.045"), Tier.above("0.02"))
                        .withFreeAllowance("10"),
                Rate.perUnit(Unit.CPU_SECOND, "0.0025"),
                Rate.perUnit(Unit.GPU_SECOND, "0.01")));
        db.card(PriceCard.forModel(
                        "ocr",
                        YearMonth.of(YEAR, 1),
                        Rate.volume(
                                Unit.ROW, Tier.upTo("100", "0.002"), Tier.upTo("1000", "0.0015"), Tier.above("0.001")))
                .withMonthlyMinimum("5.00"));
        db.card(PriceCard.forVersion("ocr", "2", PACKAGE_FROM, Rate.perPackage(Unit.REQUEST, "10", "0.25"))
                .withMonthlyMinimum("1.00"));
    }

    /** Random usage of the year: flow, two versions of ocr, a model without a card, some failures. */
    private void generate(String slug, Random random) throws SQLException {
        var events = new ArrayList<UsageEvent>();
        var id = 0;
        for (int m = 1; m <= 12; m++) {
            var month = YearMonth.of(YEAR, m);
            var start = month.atDay(1).atStartOfDay(PeriodClose.ZONE).toInstant();
            var seconds = month.lengthOfMonth() * 86_400;
            for (var model : List.of("flow:1", "ocr:1", "ocr:2", "nocard:1")) {
                var count = random.nextInt(model.startsWith("nocard") ? 5 : 60);
                for (int i = 0; i < count; i++) {
                    var parts = model.split(":");
                    var rows = model.startsWith("ocr") ? random.nextInt(120) : 1 + random.nextInt(4);
                    var millis = BigDecimal.valueOf(random.nextInt(200_000), 3);
                    var device = random.nextInt(10) < 3 ? "gpu(0)" : "cpu()";
                    var outcome = random.nextInt(10) == 0 ? "FAILED" : "OK";
                    var at = start.plusSeconds(random.nextInt(seconds));
                    var event = new UsageEvent(
                            new TenantId(slug),
                            slug + "-" + (++id),
                            slug + "-api",
                            parts[0],
                            parts[1],
                            rows,
                            millis,
                            device,
                            outcome,
                            at,
                            null);
                    events.add(event);
                    if (outcome.equals("OK")) {
                        billable.computeIfAbsent(slug, k -> new HashMap<>())
                                .computeIfAbsent(month, k -> new HashMap<>())
                                .computeIfAbsent(model, k -> new ArrayList<>())
                                .add(event);
                    }
                }
            }
        }
        db.record(events);
    }

    /** The month's total (rounded per line, true-ups in fen) and exact sum, worked out by hand. */
    private BigDecimal[] expected(String slug, YearMonth month) {
        var total = BigDecimal.ZERO;
        var exact = BigDecimal.ZERO;
        var usage = billable.getOrDefault(slug, Map.of()).getOrDefault(month, Map.of());
        for (var entry : usage.entrySet()) {
            var events = entry.getValue();
            var requests = events.size();
            var rows = events.stream().mapToLong(UsageEvent::rows).sum();
            var cpuSeconds = seconds(events, "cpu");
            var gpuSeconds = seconds(events, "gpu");
            var lines = new ArrayList<BigDecimal>();
            var minimum = BigDecimal.ZERO;
            switch (entry.getKey()) {
                case "flow:1" -> {
                    var early = month.isBefore(PRICE_CHANGE);
                    var request = BigDecimal.ZERO;
                    for (int unit = 1; unit <= requests; unit++) {
                        if (unit > (early ? 5 : 10)) {
                            request = request.add(new BigDecimal(
                                    early
                                            ? (unit <= 20 ? "0.05" : unit <= 50 ? "0.03" : "0.01")
                                            : (unit <= 30 ? "0.045" : "0.02")));
                        }
                    }
                    lines.add(request);
                    lines.add(cpuSeconds.multiply(new BigDecimal(early ? "0.002" : "0.0025")));
                    if (!early) {
                        lines.add(gpuSeconds.multiply(new BigDecimal("0.01")));
                    }
                }
                case "ocr:1", "ocr:2" -> {
                    if (entry.getKey().equals("ocr:2") && !month.isBefore(PACKAGE_FROM)) {
                        lines.add(new BigDecimal("0.25").multiply(BigDecimal.valueOf((requests + 9) / 10)));
                        minimum = new BigDecimal("1.00");
                    } else {
                        var price = rows <= 100 ? "0.002" : rows <= 1000 ? "0.0015" : "0.001";
                        lines.add(BigDecimal.valueOf(rows).multiply(new BigDecimal(price)));
                        minimum = new BigDecimal("5.00");
                    }
                }
                default -> {
                    // no card prices this model: its usage is not charged
                }
            }
            var rounded = lines.stream()
                    .map(l -> l.setScale(2, RoundingMode.HALF_UP))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            var lineExact = lines.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            if (rounded.compareTo(minimum) < 0) {
                lineExact = lineExact.add(minimum.subtract(rounded));
                rounded = minimum;
            }
            total = total.add(rounded);
            exact = exact.add(lineExact);
        }
        return new BigDecimal[] {total, exact};
    }

    private static BigDecimal seconds(List<UsageEvent> events, String device) {
        return events.stream()
                .filter(e -> e.device().startsWith(device))
                .map(UsageEvent::computeMillis)
                .reduce(BigDecimal.ZERO, BigDecimal::add)
                .movePointLeft(3);
    }
}
