package org.citymaas.billing.pricing.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;
import org.citymaas.billing.errors.PriceCardConflictException;
import org.citymaas.billing.pricing.entity.PriceCard;
import org.citymaas.billing.pricing.entity.Rate;
import org.citymaas.billing.pricing.entity.Unit;
import org.junit.jupiter.api.Test;

class PriceBookTest {

    private static final String MODEL = "traffic-flow-forecast";

    private static PriceCard modelCard(String from, String price) {
        return PriceCard.forModel(MODEL, YearMonth.parse(from), Rate.perUnit(Unit.REQUEST, price));
    }

    private static PriceCard versionCard(String version, String from, String price) {
        return PriceCard.forVersion(MODEL, version, YearMonth.parse(from), Rate.perUnit(Unit.REQUEST, price));
    }

    @Test
    void aMidYearCardSupersedesTheEarlierOneFromItsMonth() {
        var january = modelCard("2026-01", "0.10");
        var july = modelCard("2026-07", "0.08");
        var book = PriceBook.of(july, january);

        assertThat(book.inForce(MODEL, "1", YearMonth.of(2026, 6))).contains(january);
        assertThat(book.inForce(MODEL, "1", YearMonth.of(2026, 7))).contains(july);
        assertThat(book.inForce(MODEL, "1", YearMonth.of(2027, 2))).contains(july);
        assertThat(book.inForce(MODEL, "1", YearMonth.of(2025, 12))).isEmpty();
        assertThat(book.inForce("air-quality-forecast", "1", YearMonth.of(2026, 7)))
                .isEmpty();
    }

    @Test
    void aVersionsOwnCardBeatsTheModelsCard() {
        var modelJanuary = modelCard("2026-01", "0.10");
        var modelJuly = modelCard("2026-07", "0.08");
        var versionTwo = versionCard("2", "2026-03", "0.20");
        var book = PriceBook.of(modelJanuary, modelJuly, versionTwo);

        assertThat(book.inForce(MODEL, "2", YearMonth.of(2026, 8)))
                .as("even against a later model card")
                .contains(versionTwo);
        assertThat(book.inForce(MODEL, "1", YearMonth.of(2026, 8))).contains(modelJuly);
        assertThat(book.inForce(MODEL, "2", YearMonth.of(2026, 2)))
                .as("before the version card starts")
                .contains(modelJanuary);
    }

    @Test
    void aCardIsNeverReplacedOnlySuperseded() {
        var book = PriceBook.of(modelCard("2026-01", "0.10"));

        assertThatThrownBy(() -> book.with(modelCard("2026-01", "0.09"), null))
                .isInstanceOf(PriceCardConflictException.class);
        assertThat(book.with(versionCard("2", "2026-01", "0.09"), null).cards()).hasSize(2);
    }

    @Test
    void aNewCardCannotStartInABilledMonth() {
        var book = PriceBook.of(modelCard("2026-01", "0.10"));

        assertThatThrownBy(() -> book.with(modelCard("2026-05", "0.08"), YearMonth.of(2026, 5)))
                .isInstanceOf(PriceCardConflictException.class);
        var superseded = book.with(modelCard("2026-06", "0.08"), YearMonth.of(2026, 5));

        assertThat(superseded
                        .inForce(MODEL, "1", YearMonth.of(2026, 5))
                        .orElseThrow()
                        .effectiveFrom())
                .isEqualTo(YearMonth.of(2026, 1));
        assertThat(superseded
                        .inForce(MODEL, "1", YearMonth.of(2026, 6))
                        .orElseThrow()
                        .effectiveFrom())
                .isEqualTo(YearMonth.of(2026, 6));
    }
}
