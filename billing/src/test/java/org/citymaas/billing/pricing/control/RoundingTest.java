package org.citymaas.billing.pricing.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.citymaas.billing.pricing.entity.LineKind;
import org.citymaas.billing.pricing.entity.MonthlyCharge;
import org.citymaas.billing.pricing.entity.PriceCard;
import org.citymaas.billing.pricing.entity.Rate;
import org.citymaas.billing.pricing.entity.Unit;
import org.citymaas.tenant.departments.entity.TenantId;
import org.junit.jupiter.api.Test;

class RoundingTest {

    private static final YearMonth MONTH = YearMonth.of(2026, 11);

    private final ChargeCalculator calculator = new ChargeCalculator();

    @Test
    void roundsHalfUpToTheFen() {
        assertThat(Rounding.toFen(new BigDecimal("0.005000000"))).isEqualTo(new BigDecimal("0.01"));
        assertThat(Rounding.toFen(new BigDecimal("0.004999999"))).isEqualTo(new BigDecimal("0.00"));
        assertThat(Rounding.toFen(new BigDecimal("0.025000000")))
                .as("not to even")
                .isEqualTo(new BigDecimal("0.03"));
        assertThat(Rounding.toFen(new BigDecimal("1.234999999"))).isEqualTo(new BigDecimal("1.23"));
    }

    @Test
    void computesAtScaleNineAndRoundsEachLineOnce() {
        var line = calculator.line(Rate.perUnit(Unit.REQUEST, "0.000000001"), new BigDecimal("5000000"));

        // 0.005 exactly, rounded once to 0.01
        assertThat(line.amount()).isEqualTo(new BigDecimal("0.005000000"));
        assertThat(line.rounded()).isEqualTo(new BigDecimal("0.01"));
        assertThat(Rounding.exact(new BigDecimal("0.0000000015"))).isEqualTo(new BigDecimal("0.000000002"));
    }

    @Test
    void aRoundingLineMakesManyThirdOfAFenLinesAddUpToTheCityTotal() {
        // each line costs 0.003333333 and is rounded down to 0.00 on its department's statement
        var units = List.of(Unit.REQUEST, Unit.ROW, Unit.CPU_SECOND, Unit.GPU_SECOND);
        var charges = new LinkedHashMap<TenantId, List<MonthlyCharge>>();
        for (var department : List.of("transport", "education", "health", "environment", "hotline")) {
            var subscriptions = new ArrayList<MonthlyCharge>();
            for (var model : List.of("traffic-flow-forecast", "air-quality-forecast", "hotline-triage")) {
                var rates = new ArrayList<Rate>();
                for (var unit : units) {
                    rates.add(Rate.perUnit(unit, "0.003333333"));
                }
                var card = new PriceCard(model, null, MONTH, rates, BigDecimal.ZERO);
                var quantities = new LinkedHashMap<Unit, BigDecimal>();
                for (var unit : units) {
                    quantities.put(unit, BigDecimal.ONE);
                }
                subscriptions.add(calculator.charge(card, MONTH, quantities));
            }
            charges.put(new TenantId(department), subscriptions);
        }

        var city = Rounding.cityTotal(charges);

        // 5 × 3 × 4 = 60 lines of 0.003333333: 0.19999998 → 0.20; every department shows 0.00
        assertThat(city.departments().values()).hasSize(5).allMatch(t -> t.equals(new BigDecimal("0.00")));
        assertThat(city.total()).isEqualTo(new BigDecimal("0.20"));
        assertThat(city.rounding().kind()).isEqualTo(LineKind.ROUNDING);
        assertThat(city.rounding().rounded()).isEqualTo(new BigDecimal("0.20"));
        assertThat(city.departmentsTotal().add(city.rounding().rounded())).isEqualTo(city.total());
    }

    @Test
    void theRoundingLineIsNegativeWhenLinesRoundedUp() {
        var card = PriceCard.forModel("hotline-triage", MONTH, Rate.perUnit(Unit.REQUEST, "0.005"));
        var charges = new LinkedHashMap<TenantId, List<MonthlyCharge>>();
        for (var department : List.of("transport", "education", "health")) {
            charges.put(
                    new TenantId(department),
                    List.of(calculator.charge(card, MONTH, Map.of(Unit.REQUEST, BigDecimal.ONE))));
        }

        var city = Rounding.cityTotal(charges);

        // each department 0.005 → 0.01, so 0.03; the city 0.015 → 0.02
        assertThat(city.departmentsTotal()).isEqualTo(new BigDecimal("0.03"));
        assertThat(city.total()).isEqualTo(new BigDecimal("0.02"));
        assertThat(city.rounding().rounded()).isEqualTo(new BigDecimal("-0.01"));
    }

    @Test
    void noRoundingLineAmountWhenLinesAreWholeFen() {
        var card = PriceCard.forModel("hotline-triage", MONTH, Rate.perUnit(Unit.REQUEST, "0.01"));
        var city = Rounding.cityTotal(Map.of(
                new TenantId("transport"),
                List.of(calculator.charge(card, MONTH, Map.of(Unit.REQUEST, new BigDecimal("7")))),
                new TenantId("health"),
                List.of(calculator.charge(card, MONTH, Map.of(Unit.REQUEST, new BigDecimal("5"))))));

        assertThat(city.total()).isEqualTo(new BigDecimal("0.12"));
        assertThat(city.rounding().rounded()).isEqualTo(new BigDecimal("0.00"));
    }
}
