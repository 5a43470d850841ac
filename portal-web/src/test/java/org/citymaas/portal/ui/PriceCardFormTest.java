package org.citymaas.portal.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.citymaas.portal.billing.entity.NewPriceCard;
import org.junit.jupiter.api.Test;

class PriceCardFormTest {

    private final PriceCardForm form = new PriceCardForm();

    private PriceRateForm rate(String unit) {
        return form.getRates().stream()
                .filter(r -> r.getUnit().equals(unit))
                .findFirst()
                .orElseThrow();
    }

    private void filled() {
        form.setModel("traffic-forecast");
        form.setEffectiveFrom("2027-01");
    }

    private List<String> fields(PriceCardForm.Result result) {
        return result.errors().stream().map(PriceCardForm.FieldError::field).toList();
    }

    @Test
    void graduatedTierLinesBecomeTiersWithAnUnboundedLast() {
        filled();
        form.setVersion(" 2.1.0 ");
        form.setMonthlyMinimum("100.00");
        rate("ROW").setChargeModel("GRADUATED");
        rate("ROW").setTiers("1000:0.05\n\n 5000 : 0.04 \n:0.03\n");
        rate("ROW").setFreeAllowance("200");

        var result = form.read();

        assertThat(result.errors()).isEmpty();
        var card = result.card();
        assertThat(card.model()).isEqualTo("traffic-forecast");
        assertThat(card.version()).isEqualTo("2.1.0");
        assertThat(card.effectiveFrom()).isEqualTo("2027-01");
        assertThat(card.monthlyMinimum()).isEqualTo("100.00");
        assertThat(card.rates()).hasSize(1);
        var row = card.rates().get(0);
        assertThat(row.unit()).isEqualTo("ROW");
        assertThat(row.chargeModel()).isEqualTo("GRADUATED");
        assertThat(row.freeAllowance()).isEqualTo("200");
        assertThat(row.packageSize()).isNull();
        assertThat(row.tiers())
                .containsExactly(
                        new NewPriceCard.NewTier("1000", "0.05", null),
                        new NewPriceCard.NewTier("5000", "0.04", null),
                        new NewPriceCard.NewTier(null, "0.03", null));
    }

    @Test
    void aPerUnitPriceMayBeWrittenWithOrWithoutTheColonAndUnitsLeftEmptyAreNotPriced() {
        filled();
        rate("REQUEST").setTiers("0.10");
        rate("GPU_SECOND").setTiers(":0.002");

        var card = form.read().card();

        assertThat(card.version()).isNull();
        assertThat(card.monthlyMinimum()).isNull();
        assertThat(card.rates()).extracting(NewPriceCard.NewRate::unit).containsExactly("REQUEST", "GPU_SECOND");
        assertThat(card.rates().get(1).tiers()).containsExactly(new NewPriceCard.NewTier(null, "0.002", null));
    }

    @Test
    void aPackageNeedsItsSizeAndKeepsIt() {
        filled();
        rate("CPU_SECOND").setChargeModel("PACKAGE");
        rate("CPU_SECOND").setTiers("5.00");

        assertThat(fields(form.read())).containsExactly("rate-cpu-second-packageSize");

        rate("CPU_SECOND").setPackageSize("1000");
        assertThat(form.read().card().rates().get(0).packageSize()).isEqualTo("1000");
    }

    @Test
    void aPackageSizeIsIgnoredForOtherChargeModels() {
        filled();
        rate("ROW").setTiers("0.01");
        rate("ROW").setPackageSize("oops");

        assertThat(form.read().card().rates().get(0).packageSize()).isNull();
    }

    @Test
    void aBoundedLastTierIsRefusedAtTheTiersField() {
        filled();
        rate("ROW").setChargeModel("VOLUME");
        rate("ROW").setTiers("1000:0.05\n5000:0.04");

        var result = form.read();

        assertThat(result.card()).isNull();
        assertThat(result.errors())
                .containsExactly(new PriceCardForm.FieldError("rate-row-tiers", "prices.error.lastTier", "5000:0.04"));
    }

    @Test
    void anUnboundedTierBeforeTheLastIsRefused() {
        filled();
        rate("ROW").setChargeModel("GRADUATED");
        rate("ROW").setTiers(":0.05\n:0.04");

        assertThat(form.read().errors())
                .containsExactly(new PriceCardForm.FieldError("rate-row-tiers", "prices.error.tierBound", ":0.05"));
    }

    @Test
    void boundsMustRiseAndBeAboveZero() {
        filled();
        rate("ROW").setChargeModel("GRADUATED");
        rate("ROW").setTiers("5000:0.05\n1000:0.04\n:0.03");
        assertThat(form.read().errors())
                .extracting(PriceCardForm.FieldError::key)
                .containsExactly("prices.error.tierOrder");

        rate("ROW").setTiers("0:0.05\n:0.03");
        assertThat(form.read().errors())
                .extracting(PriceCardForm.FieldError::key)
                .containsExactly("prices.error.tierOrder");
    }

    @Test
    void malformedNumbersAreRefusedWithTheLineTheyAreOn() {
        filled();
        rate("ROW").setChargeModel("GRADUATED");
        rate("ROW").setTiers("1000:abc\n:0.03");
        assertThat(form.read().errors())
                .containsExactly(new PriceCardForm.FieldError("rate-row-tiers", "prices.error.tierLine", "1000:abc"));

        rate("ROW").setTiers("-5:0.05\n:0.03");
        assertThat(form.read().errors())
                .extracting(PriceCardForm.FieldError::key)
                .containsExactly("prices.error.tierLine");

        rate("ROW").setTiers("1000:0.0000000001\n:0.03");
        assertThat(form.read().errors())
                .extracting(PriceCardForm.FieldError::key)
                .containsExactly("prices.error.tierLine");
    }

    @Test
    void perUnitTakesOneLineOnly() {
        filled();
        rate("REQUEST").setTiers("0.1\n0.2");

        assertThat(form.read().errors())
                .extracting(PriceCardForm.FieldError::key)
                .containsExactly("prices.error.oneTier");
    }

    @Test
    void moreThanTwentyTiersAreRefused() {
        filled();
        rate("ROW").setChargeModel("GRADUATED");
        var lines = new StringBuilder();
        for (int i = 1; i <= 20; i++) {
            lines.append(i * 10).append(":0.01\n");
        }
        rate("ROW").setTiers(lines + ":0.005");

        assertThat(form.read().errors())
                .extracting(PriceCardForm.FieldError::key)
                .containsExactly("prices.error.tooManyTiers");
    }

    @Test
    void missingAndMalformedCardFieldsAreEachNamed() {
        form.setEffectiveFrom("2027-13");
        form.setMonthlyMinimum("10.001");
        rate("ROW").setTiers("0.01");
        rate("ROW").setFreeAllowance("many");

        assertThat(fields(form.read()))
                .containsExactly("model", "effectiveFrom", "monthlyMinimum", "rate-row-freeAllowance");
    }

    @Test
    void aCardWithoutAnyRateSaysSoAtTheRates() {
        filled();

        var result = form.read();

        assertThat(result.errors()).containsExactly(new PriceCardForm.FieldError("rates", "prices.error.noRate", ""));
    }

    @Test
    void clearEmptiesEveryField() {
        filled();
        rate("ROW").setChargeModel("PACKAGE");
        rate("ROW").setTiers("1");
        rate("ROW").setPackageSize("10");

        form.clear();

        assertThat(form.getModel()).isNull();
        assertThat(form.getEffectiveFrom()).isNull();
        assertThat(rate("ROW").getChargeModel()).isEqualTo("PER_UNIT");
        assertThat(rate("ROW").getTiers()).isNull();
        assertThat(rate("ROW").getPackageSize()).isNull();
    }

    @Test
    void theRatesFieldIdsAreStable() {
        assertThat(form.getRates())
                .extracting(PriceRateForm::getKey)
                .containsExactly("rate-request", "rate-row", "rate-cpu-second", "rate-gpu-second", "rate-explanation");
    }
}
