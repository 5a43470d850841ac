package org.citymaas.portal.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.citymaas.billing.pricing.entity.PriceCard;
import org.citymaas.billing.pricing.entity.Rate;
import org.citymaas.billing.pricing.entity.StoredPriceCard;
import org.citymaas.billing.pricing.entity.Tier;
import org.citymaas.billing.pricing.entity.Unit;
import org.junit.jupiter.api.Test;

class PriceCardRowTest {

    private static final YearMonth NOW = YearMonth.of(2026, 12);

    private static StoredPriceCard card(long id, String model, String version, String from) {
        var rate = Rate.perUnit(Unit.REQUEST, "0.10");
        var card = version == null
                ? PriceCard.forModel(model, YearMonth.parse(from), rate)
                : PriceCard.forVersion(model, version, YearMonth.parse(from), rate);
        return new StoredPriceCard(id, card, "admin", Instant.parse("2026-01-01T00:00:00Z"));
    }

    private static String states(List<PriceCardRow> rows) {
        return String.join(
                " ", rows.stream().map(r -> r.getId() + ":" + r.getState()).toList());
    }

    @Test
    void theLatestCardNotAfterTheMonthIsCurrentLaterOnesScheduledEarlierOnesPast() {
        var rows = PriceCardRow.classify(
                List.of(
                        card(1, "traffic", null, "2026-01"),
                        card(2, "traffic", null, "2026-06"),
                        card(3, "traffic", null, "2027-02"),
                        card(4, "traffic", null, "2026-12")),
                NOW);

        assertThat(states(rows)).isEqualTo("4:CURRENT 3:SCHEDULED 2:PAST 1:PAST");
    }

    @Test
    void eachModelAndVersionHasItsOwnCurrentCard() {
        var rows = PriceCardRow.classify(
                List.of(
                        card(1, "traffic", null, "2026-01"),
                        card(2, "traffic", "2.0", "2026-03"),
                        card(3, "traffic", "2.0", "2026-05"),
                        card(4, "air", null, "2026-11"),
                        card(5, "air", "1.0", "2027-01")),
                NOW);

        assertThat(PriceCardRow.in(rows, PriceCardRow.State.CURRENT))
                .extracting(PriceCardRow::getId)
                .containsExactly(4L, 1L, 3L);
        assertThat(PriceCardRow.in(rows, PriceCardRow.State.SCHEDULED))
                .extracting(PriceCardRow::getId)
                .containsExactly(5L);
        assertThat(PriceCardRow.in(rows, PriceCardRow.State.PAST))
                .extracting(PriceCardRow::getId)
                .containsExactly(2L);
    }

    @Test
    void aModelWhoseOnlyCardStartsLaterHasNoCurrentCard() {
        var rows = PriceCardRow.classify(List.of(card(7, "noise", null, "2027-01")), NOW);

        assertThat(states(rows)).isEqualTo("7:SCHEDULED");
    }

    @Test
    void ratesAreShownWithTheirTiersAndWithoutAZeroFreeAllowance() {
        var graduated = Rate.graduated(Unit.ROW, Tier.upTo("1000", "0.05"), Tier.above("0.03"))
                .withFreeAllowance("100");
        var stored = new StoredPriceCard(
                9,
                PriceCard.forModel("traffic", NOW, graduated, Rate.perUnit(Unit.REQUEST, "0.10")),
                "admin",
                Instant.EPOCH);

        var rates = PriceCardRow.classify(List.of(stored), NOW).get(0).getRates();

        assertThat(rates.get(0)).containsEntry("unit", "ROW").containsEntry("chargeModel", "GRADUATED");
        assertThat(rates.get(0).get("tiers")).contains("1000").contains("0.05").contains("0.03");
        assertThat(rates.get(0).get("freeAllowance")).isNotEmpty();
        assertThat(rates.get(1).get("freeAllowance")).isEmpty();
    }
}
