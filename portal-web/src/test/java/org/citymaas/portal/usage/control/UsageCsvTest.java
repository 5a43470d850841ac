package org.citymaas.portal.usage.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.citymaas.billing.usage.entity.DailyUsage;
import org.citymaas.billing.usage.entity.MonthlyUsage;
import org.citymaas.tenant.departments.entity.TenantId;
import org.junit.jupiter.api.Test;

class UsageCsvTest {

    private static final MonthlyUsage USAGE = new MonthlyUsage(
            new TenantId("transport"),
            YearMonth.of(2026, 11),
            List.of(
                    new DailyUsage(LocalDate.of(2026, 11, 2), "traffic-flow-forecast", 2, 3, new BigDecimal("1.250")),
                    new DailyUsage(LocalDate.of(2026, 11, 1), "traffic-flow-forecast", 1, 1, new BigDecimal("0.5")),
                    new DailyUsage(LocalDate.of(2026, 11, 2), "air,quality \"v2\"", 4, 4, new BigDecimal("2"))));

    private static byte[] write(MonthlyUsage usage) throws IOException {
        var out = new ByteArrayOutputStream();
        UsageCsv.write(usage, out);
        return out.toByteArray();
    }

    private static List<CSVRecord> read(byte[] bytes) throws IOException {
        var text = new String(bytes, StandardCharsets.UTF_8).substring(1);
        return CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(text))
                .getRecords();
    }

    @Test
    void startsWithAByteOrderMarkAndTheHeader() throws IOException {
        var bytes = write(USAGE);

        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        assertThat(new String(bytes, StandardCharsets.UTF_8))
                .contains("department,month,day,model,requests,rows,compute_ms\r\n");
    }

    @Test
    void writesEachDayAndModelThenTheMonthsTotalsPerModel() throws IOException {
        var records = read(write(USAGE));

        assertThat(records)
                .extracting(r -> String.join("|", r.toList()))
                .containsExactly(
                        "transport|2026-11|2026-11-01|traffic-flow-forecast|1|1|0.5",
                        "transport|2026-11|2026-11-02|air,quality \"v2\"|4|4|2",
                        "transport|2026-11|2026-11-02|traffic-flow-forecast|2|3|1.250",
                        "transport|2026-11|total|air,quality \"v2\"|4|4|2",
                        "transport|2026-11|total|traffic-flow-forecast|3|4|1.750");
    }

    @Test
    void anEmptyMonthIsTheHeaderAlone() throws IOException {
        var empty = new MonthlyUsage(new TenantId("health"), YearMonth.of(2026, 10), List.of());

        assertThat(read(write(empty))).isEmpty();
        assertThat(UsageCsv.filename(empty)).isEqualTo("usage-health-2026-10.csv");
    }
}
