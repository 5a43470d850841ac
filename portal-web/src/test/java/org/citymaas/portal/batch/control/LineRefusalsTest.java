package org.citymaas.portal.batch.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.citymaas.portal.batch.entity.LineOutcome;
import org.citymaas.portal.errors.LedgerException;
import org.citymaas.portal.errors.PortalStoppingException;
import org.citymaas.runtime.DeadlineExceededException;
import org.citymaas.runtime.FieldViolation;
import org.citymaas.runtime.InvalidInputException;
import org.citymaas.runtime.ModelRuntimeException;
import org.citymaas.tenant.departments.entity.TenantId;
import org.citymaas.tenant.errors.NotSubscribedException;
import org.citymaas.tenant.errors.QuotaExceededException;
import org.junit.jupiter.api.Test;

class LineRefusalsTest {

    @Test
    void anInvalidLineKeepsTheApisMessageAndFieldsAtFault() {
        var refusal = LineRefusals.of(
                        new InvalidInputException(List.of(new FieldViolation("hour_of_day", "maximum", "at most 23"))))
                .orElseThrow();

        assertThat(refusal.outcome()).isEqualTo(LineOutcome.INVALID);
        assertThat(refusal.message()).isEqualTo("hour_of_day (maximum): at most 23");
        assertThat(refusal.errors())
                .containsExactly(Map.of("field", "hour_of_day", "rule", "maximum", "message", "at most 23"));
    }

    @Test
    void eachRefusalHasItsOutcomeShownByTheNumberTheApiAnswers() {
        var quota = new QuotaExceededException(new TenantId("transport"), "m", "requests", Instant.now());

        assertThat(LineRefusals.of(quota).orElseThrow().outcome()).isEqualTo(LineOutcome.REFUSED_QUOTA);
        assertThat(LineRefusals.of(new NotSubscribedException(new TenantId("transport"), "m", null))
                        .orElseThrow()
                        .outcome())
                .isEqualTo(LineOutcome.NOT_SUBSCRIBED);
        assertThat(LineRefusals.of(new DeadlineExceededException("late"))
                        .orElseThrow()
                        .outcome())
                .isEqualTo(LineOutcome.TIMED_OUT);
        assertThat(LineRefusals.of(new PortalStoppingException()).orElseThrow().outcome())
                .isEqualTo(LineOutcome.BUSY);
        assertThat(LineRefusals.of(new ModelRuntimeException("broke"))
                        .orElseThrow()
                        .outcome())
                .isEqualTo(LineOutcome.FAILED);
        for (var outcome : LineOutcome.values()) {
            if (outcome != LineOutcome.DONE) {
                assertThat(LineOutcome.ofStatus(outcome.status())).isEqualTo(outcome);
            }
        }
        assertThat(LineOutcome.REFUSED_QUOTA.status()).isEqualTo(429);
    }

    @Test
    void theInferencePathsRefusalsOnlyNotThePortalsBugs() {
        assertThat(LineRefusals.of(new LedgerException("db down", null))).isEmpty();
    }
}
