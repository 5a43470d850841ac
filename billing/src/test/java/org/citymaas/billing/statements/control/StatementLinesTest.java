package org.citymaas.billing.statements.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Map;
import java.util.TreeMap;
import org.citymaas.billing.pricing.control.PriceBook;
import org.citymaas.billing.pricing.entity.PriceCard;
import org.citymaas.billing.pricing.entity.Rate;
import org.citymaas.billing.pricing.entity.Unit;
import org.citymaas.billing.statements.entity.StatementLine;
import org.citymaas.billing.statements.entity.StatementLineKind;
import org.junit.jupiter.api.Test;

class StatementLinesTest {

    private static final YearMonth MAY = YearMonth.of(2026, 5);
    private static final Subscription OCR = new Subscription("ocr", "1");
    private static final PriceBook BOOK =
            PriceBook.of(PriceCard.forModel("ocr", YearMonth.of(2026, 1), Rate.perUnit(Unit.REQUEST, "1.00"))
                    .withMonthlyMinimum("10.00"));

    private final StatementLines lines = new StatementLines();

    private static Map<Subscription, SubscriptionUsage> requests(String... ids) {
        var usage = new SubscriptionUsage();
        for (var id : ids) {
            usage.add(id, 1, BigDecimal.ONE, "cpu()", Instant.parse("2026-05-03T00:00:00Z"));
        }
        var map = new TreeMap<Subscription, SubscriptionUsage>();
        map.put(OCR, usage);
        return map;
    }

    @Test
    void usageBelowTheMinimumGetsATrueUpAndUnpricedModelsNoLine() {
        var usage = requests("a", "b");
        usage.put(new Subscription("unpriced", "1"), requests("c").get(OCR));

        var result = lines.usage(BOOK, MAY, usage);

        assertThat(result)
                .extracting(StatementLine::kind)
                .containsExactly(StatementLineKind.USAGE, StatementLineKind.MINIMUM_TRUE_UP);
        assertThat(result)
                .extracting(StatementLine::rounded)
                .containsExactly(new BigDecimal("2.00"), new BigDecimal("8.00"));
        assertThat(result.get(0).citation().requests()).isEqualTo(2);
        assertThat(result.get(1).citation().requests()).isZero();
    }

    @Test
    void aCorrectionBillsTheLateUsageAndTakesItBackFromTheTrueUp() {
        var corrections = lines.corrections(
                BOOK, MAY, "CM-2026-000007", requests("a", "b"), requests("c"), requests("a", "b", "c"));

        assertThat(corrections).extracting(StatementLine::unit).containsExactly(Unit.REQUEST, null);
        assertThat(corrections)
                .extracting(StatementLine::rounded)
                .containsExactly(new BigDecimal("1.00"), new BigDecimal("-1.00"));
        assertThat(corrections).allSatisfy(l -> {
            assertThat(l.kind()).isEqualTo(StatementLineKind.CORRECTION);
            assertThat(l.corrects()).isEqualTo("CM-2026-000007");
            assertThat(l.usageMonth()).isEqualTo(MAY);
            assertThat(l.citation().lastRequestId()).isEqualTo("c");
        });
        assertThat(corrections.get(0).quantity()).isEqualByComparingTo("1");
    }

    @Test
    void lateUsageOfAModelTheIssuedStatementDidNotBillIsChargedWhole() {
        var corrections = lines.corrections(BOOK, MAY, "CM-2026-000007", Map.of(), requests("c"), requests("c"));

        assertThat(corrections)
                .extracting(StatementLine::rounded)
                .containsExactly(new BigDecimal("1.00"), new BigDecimal("9.00"));
    }
}
