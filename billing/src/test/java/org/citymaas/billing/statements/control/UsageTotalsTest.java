package org.citymaas.billing.statements.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import org.citymaas.billing.pricing.entity.Unit;
import org.citymaas.billing.statements.entity.UsageCitation;
import org.junit.jupiter.api.Test;

class UsageTotalsTest {

    private static final Instant T = Instant.parse("2026-11-02T00:00:00Z");

    @Test
    void theDigestIsSha256OfTheSortedRequestIdsEachFollowedByALineFeed() throws Exception {
        var totals = new UsageTotals();
        totals.add("a-1", 2, new BigDecimal("1.5"), "cpu", T);
        totals.add("b-2", 3, new BigDecimal("2.25"), "gpu", T.minusSeconds(5));

        var expected = HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest("a-1\nb-2\n".getBytes(StandardCharsets.UTF_8)));
        var citation = totals.citation();
        assertThat(citation.requestIdsDigest()).isEqualTo(expected);
        assertThat(citation.requests()).isEqualTo(2);
        assertThat(citation.lastRequestId()).as("the latest by time, not by id").isEqualTo("a-1");
        assertThat(totals.rows()).isEqualTo(5);
        assertThat(totals.computeMillis()).isEqualByComparingTo("3.75");
        assertThat(totals.device()).isEqualTo("cpu+gpu");
    }

    @Test
    void onEqualTimesTheLastRequestIsTheGreatestId() {
        var totals = new UsageTotals();
        totals.add("a", 1, BigDecimal.ONE, "cpu", T);
        totals.add("b", 1, BigDecimal.ONE, "cpu", T);
        assertThat(totals.citation().lastRequestId()).isEqualTo("b");
    }

    @Test
    void noEventsCiteNothing() {
        assertThat(new UsageTotals().citation()).isEqualTo(UsageCitation.none());
    }

    @Test
    void computeSecondsCountOnlyTheirDevice() {
        var usage = new SubscriptionUsage();
        usage.add("r1", 4, new BigDecimal("1500.000"), "cpu()", T);
        usage.add("r2", 6, new BigDecimal("250.500"), "gpu(0)", T);

        var quantities = usage.quantities();
        assertThat(quantities.get(Unit.REQUEST)).isEqualByComparingTo("2");
        assertThat(quantities.get(Unit.ROW)).isEqualByComparingTo("10");
        assertThat(quantities.get(Unit.CPU_SECOND)).isEqualByComparingTo("1.5");
        assertThat(quantities.get(Unit.GPU_SECOND)).isEqualByComparingTo("0.2505");
        assertThat(usage.citation(Unit.GPU_SECOND).lastRequestId()).isEqualTo("r2");
        assertThat(usage.citation(Unit.CPU_SECOND).requests()).isEqualTo(1);
    }
}
