package org.citymaas.portal.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.citymaas.billing.usage.entity.DailyUsage;
import org.citymaas.billing.usage.entity.MonthlyUsage;
import org.citymaas.tenant.departments.entity.TenantId;
import org.junit.jupiter.api.Test;

class UsageChartTest {

    @Test
    void stacksEachModelsRequestsOnEveryDayOfTheMonth() throws Exception {
        var usage = new MonthlyUsage(
                new TenantId("transport"),
                YearMonth.of(2026, 2),
                List.of(
                        new DailyUsage(LocalDate.of(2026, 2, 1), "traffic-flow-forecast", 3, 3, BigDecimal.ONE),
                        new DailyUsage(LocalDate.of(2026, 2, 28), "traffic-flow-forecast", 2, 2, BigDecimal.ONE),
                        new DailyUsage(LocalDate.of(2026, 2, 28), "air-quality", 5, 5, BigDecimal.ONE)));

        var config = new ObjectMapper().readTree(UsageChart.config(usage, "二月", "请求数"));

        assertThat(config.get("type").asText()).isEqualTo("bar");
        assertThat(config.at("/data/labels")).hasSize(28);
        assertThat(config.at("/data/labels/0").asText()).isEqualTo("02-01");
        assertThat(config.at("/data/datasets")).hasSize(2);
        assertThat(config.at("/data/datasets/0/label").asText()).isEqualTo("air-quality");
        assertThat(config.at("/data/datasets/1/label").asText()).isEqualTo("traffic-flow-forecast");
        assertThat(config.at("/data/datasets/1/data/0").asLong()).isEqualTo(3);
        assertThat(config.at("/data/datasets/1/data/27").asLong()).isEqualTo(2);
        assertThat(config.at("/data/datasets/0/data/27").asLong()).isEqualTo(5);
        assertThat(config.at("/options/scales/y/stacked").asBoolean()).isTrue();
        assertThat(config.at("/options/plugins/title/text").asText()).isEqualTo("二月");
    }
}
