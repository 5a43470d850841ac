package org.citymaas.portal.batch.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.citymaas.security.identity.entity.CallerKind;
import org.citymaas.tenant.departments.entity.TenantId;
import org.junit.jupiter.api.Test;

class BatchRecordsTest {

    private static final Instant CREATED = Instant.parse("2026-12-06T02:00:00Z");

    private static BatchJob job(BatchStatus status, int okRows) {
        return new BatchJob(
                UUID.randomUUID(),
                new TenantId("transport"),
                "transport-api",
                "sub",
                CallerKind.SERVICE,
                "traffic-flow-forecast",
                null,
                "counts.csv",
                List.of("hour_of_day", "recent_counts"),
                3,
                status,
                okRows,
                0,
                CREATED,
                null,
                null,
                null);
    }

    @Test
    void aStoredJobReadsBackAsSubmitted() {
        var submitted = job(BatchStatus.QUEUED, 0);

        var record = new BatchJobRecord(submitted, "[\"hour_of_day\",\"recent_counts\"]");

        assertThat(record.id()).isEqualTo(submitted.id());
        assertThat(record.columnsJson()).isEqualTo("[\"hour_of_day\",\"recent_counts\"]");
        assertThat(record.view(submitted.columns())).isEqualTo(submitted);
    }

    @Test
    void onlyAQueuedJobWithNothingDoneIsStored() {
        assertThatThrownBy(() -> new BatchJobRecord(job(BatchStatus.RUNNING, 0), "[]"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BatchJobRecord(job(BatchStatus.QUEUED, 1), "[]"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aStoredLineWaitsToRunWithItsInput() {
        var row = new BatchRowRecord(UUID.randomUUID(), 2, "{\"hour_of_day\":\"7\"}", "batch-x-2");

        assertThat(row.line()).isEqualTo(2);
        assertThat(row.inputJson()).isEqualTo("{\"hour_of_day\":\"7\"}");
        assertThat(row.outputJson()).isNull();
        assertThat(row.errorStatus()).isNull();
        assertThat(row.errorsJson()).isNull();
    }

    @Test
    void theHeaderIsNoDataLine() {
        assertThatThrownBy(() -> new BatchRowRecord(UUID.randomUUID(), 1, "{}", "batch-x-1"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
