package org.citymaas.portal.problems;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.citymaas.portal.errors.InferenceTimeoutException;
import org.citymaas.portal.errors.LedgerException;
import org.citymaas.portal.errors.RequestIdReusedException;
import org.citymaas.runtime.DeadlineExceededException;
import org.citymaas.runtime.EngineUnavailableException;
import org.citymaas.runtime.FieldViolation;
import org.citymaas.runtime.InvalidInputException;
import org.citymaas.runtime.ModelRuntimeException;
import org.citymaas.runtime.QueueFullException;
import org.citymaas.security.input.boundary.HostileCharacters;
import org.citymaas.security.input.entity.HostileTextException;
import org.citymaas.tenant.departments.entity.TenantId;
import org.citymaas.tenant.errors.NotSubscribedException;
import org.citymaas.tenant.errors.QuotaExceededException;
import org.junit.jupiter.api.Test;

class InferenceAnswersTest {

    @Test
    void invalidInputIs400NamingEachFieldRuleAndMessage() {
        var problem = InferenceAnswers.problem(new InvalidInputException(List.of(
                        new FieldViolation("hour_of_day", "maximum", "at most 23"),
                        new FieldViolation("holiday", "unknown", "no such input"))))
                .orElseThrow();

        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.title()).isEqualTo("Invalid input");
        assertThat(problem.detail()).isEqualTo("hour_of_day (maximum): at most 23; holiday (unknown): no such input");
        assertThat(problem.extensions().get("errors"))
                .isEqualTo(List.of(
                        Map.of("field", "hour_of_day", "rule", "maximum", "message", "at most 23"),
                        Map.of("field", "holiday", "rule", "unknown", "message", "no such input")));
    }

    @Test
    void aHostileModelNameIs400NamingTheFieldAndTheRule() {
        var hostile = HostileCharacters.find("model", "the model name", "complaint\u202e-routing")
                .orElseThrow();

        var problem = InferenceAnswers.problem(new HostileTextException(List.of(hostile)))
                .orElseThrow();

        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.extensions().get("errors"))
                .isEqualTo(List.of(Map.of("field", "model", "rule", "bidi-control", "message", hostile.message())));
    }

    @Test
    void anUnsubscribedModelIs404AsAnUnknownOne() {
        var model = InferenceAnswers.problem(new NotSubscribedException(new TenantId("transport"), "health-risk", null))
                .orElseThrow();
        var version = InferenceAnswers.problem(
                        new NotSubscribedException(new TenantId("transport"), "health-risk", "2"))
                .orElseThrow();

        assertThat(model.status()).isEqualTo(404);
        assertThat(model.title()).isEqualTo("No such model");
        assertThat(model.detail()).isEqualTo("your department has no model 'health-risk'");
        assertThat(version.detail()).isEqualTo("your department has no model 'health-risk' version 2");
    }

    @Test
    void aUsedUpQuotaIs429SayingWhenItResets() {
        var now = Instant.parse("2026-03-31T15:00:00Z");
        var resetsAt = now.plus(Duration.ofHours(1));

        var problem = InferenceAnswers.quotaExhausted(
                new QuotaExceededException(new TenantId("transport"), "traffic-flow-forecast", "requests", resetsAt),
                now);

        assertThat(problem.status()).isEqualTo(429);
        assertThat(problem.title()).isEqualTo("Quota exhausted");
        assertThat(problem.detail())
                .isEqualTo("Your department's monthly quota for 'traffic-flow-forecast' is used up; it resets at "
                        + resetsAt + " (start of next month, Asia/Shanghai).");
        assertThat(problem.extensions())
                .containsEntry("resetsAt", resetsAt.toString())
                .containsEntry("retryAfterSeconds", 3600L);
    }

    @Test
    void aReusedRequestIdIs409NamingIt() {
        var problem =
                InferenceAnswers.problem(new RequestIdReusedException("r-1")).orElseThrow();

        assertThat(problem.status()).isEqualTo(409);
        assertThat(problem.title()).isEqualTo("Request id already used");
        assertThat(problem.detail()).contains("'r-1'", "different request", "new request id");
        assertThat(problem.extensions()).containsEntry("requestId", "r-1");
    }

    @Test
    void runtimeFailuresAreBusyTimedOutOrFailed() {
        assertThat(InferenceAnswers.problem(new QueueFullException("full", 10)).orElseThrow())
                .extracting(Problem::status, Problem::title)
                .containsExactly(503, "Busy");
        assertThat(InferenceAnswers.problem(new DeadlineExceededException("late"))
                        .orElseThrow())
                .extracting(Problem::status, Problem::title, Problem::detail)
                .containsExactly(504, "Timed out", "The request waited past its deadline.");
        assertThat(InferenceAnswers.problem(new InferenceTimeoutException(Duration.ofSeconds(30)))
                        .orElseThrow())
                .extracting(Problem::status, Problem::detail)
                .containsExactly(504, "The model did not answer within PT30S.");
        assertThat(InferenceAnswers.problem(new ModelRuntimeException("engine broke"))
                        .orElseThrow())
                .extracting(Problem::status, Problem::title, Problem::detail)
                .containsExactly(500, "Inference failed", "The model failed; it was logged.");
    }

    @Test
    void whatTheInferencePathDoesNotKnowIsNoneOfItsAnswers() {
        assertThat(InferenceAnswers.problem(new LedgerException("db down", null)))
                .isEmpty();
        assertThat(InferenceAnswers.problem(new IllegalStateException("bug"))).isEmpty();
        assertThat(InferenceAnswers.status(new IllegalStateException("bug"))).isEqualTo(500);
    }

    @Test
    void anExternalEngineDownIs503AndSlowIs504NamingItNeverItsCredential() {
        var engine = "https://kserve.gpu.city.example (model traffic)";
        var down = InferenceAnswers.problem(new EngineUnavailableException(engine, false, "refused", null))
                .orElseThrow();
        var slow = InferenceAnswers.problem(new EngineUnavailableException(engine, true, "late", null))
                .orElseThrow();

        assertThat(down.status()).isEqualTo(503);
        assertThat(down.detail()).contains(engine, "nothing was charged");
        assertThat(down.extensions()).containsEntry("engine", engine);
        assertThat(slow.status()).isEqualTo(504);
        assertThat(slow.detail()).contains(engine, "did not answer in time");
    }
}
