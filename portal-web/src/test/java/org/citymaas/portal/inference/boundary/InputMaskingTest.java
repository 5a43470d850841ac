package org.citymaas.portal.inference.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.citymaas.portal.inference.control.RequestDigest;
import org.citymaas.runtime.catalog.boundary.Catalog;
import org.citymaas.runtime.catalog.entity.ModelRef;
import org.citymaas.runtime.inference.entity.Tensor;
import org.citymaas.security.audit.entity.AuditEvent;
import org.citymaas.security.masking.boundary.Masking;
import org.citymaas.tenant.departments.entity.TenantId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputMaskingTest {

    @TempDir
    static Path catalogDir;

    private static InputMasking masking() {
        var masking = new InputMasking();
        masking.masking = new Masking(
                "test-only-secret-of-32-bytes-at-least!".getBytes(StandardCharsets.UTF_8), Set.of("auditor"), null);
        return masking;
    }

    @Test
    void freeTextReachesTheModelMaskedAndTheSummaryHoldsNoText() {
        var card = Catalog.fromClasspath(catalogDir)
                .resolve(ModelRef.of("complaint-routing"))
                .card();
        var text = "来电人张伟反映工地夜间施工噪音很大，电话13812345678，身份证号110105199003074579。";

        var masked = masking().mask(new TenantId("hotline"), card, List.of(Tensor.bytes("text", new long[] {1}, text)));

        var seen = masked.inputs().get(0).strings()[0];
        assertThat(seen).contains("工地夜间施工噪音很大", "138****5678").doesNotContain("13812345678", "110105199003074579");
        assertThat(seen).doesNotContain("张伟");
        assertThat(masked.summary())
                .as("the audit keeps the request's structure and the PII counts, never its text")
                .isEqualTo("rows=1 inputs=text:BYTES[1] pii=CN_ID_CARD:1,CN_MOBILE:1,PERSON_NAME:1");
    }

    @Test
    void aVersionRecordedAtTheRequestLevelAddsSaltedDigestsOfItsMaskedInputs() {
        var card = Catalog.fromClasspath(catalogDir)
                .resolve(ModelRef.of("health-risk"))
                .card();
        var age = Tensor.fp32("age", new long[] {1, 1}, 52f);
        var bmi = Tensor.fp32("bmi", new long[] {1, 1}, 31.5f);
        var secret = Base64.getEncoder()
                .encodeToString("test-only-secret-of-32-bytes-at-least!".getBytes(StandardCharsets.UTF_8));
        var recording = new InputMasking(masking().masking, secret);

        var first =
                recording.mask(new TenantId("health"), card, List.of(bmi, age)).summary();
        var again =
                recording.mask(new TenantId("health"), card, List.of(age, bmi)).summary();
        var other = recording
                .mask(new TenantId("health"), card, List.of(age, Tensor.fp32("bmi", new long[] {1, 1}, 31.6f)))
                .summary();

        assertThat(first)
                .matches("rows=1 inputs=bmi:FP32\\[1,1],age:FP32\\[1,1] digests=age:[0-9a-f]{64} bmi:[0-9a-f]{64}");
        assertThat(again.substring(again.indexOf(" digests="))).isEqualTo(first.substring(first.indexOf(" digests=")));
        assertThat(other).as("every value counts").isNotEqualTo(again);
        assertThat(first)
                .as("salted: not the plain SHA-256 of the input")
                .doesNotContain(AuditEvent.digest(RequestDigest.canonical(age)));
        var unsalted = new InputMasking(masking().masking, null);
        assertThatThrownBy(() -> unsalted.mask(new TenantId("health"), card, List.of(age, bmi)))
                .hasMessageContaining("request level");
    }

    @Test
    void numbersPassUnchanged() {
        var card = Catalog.fromClasspath(catalogDir)
                .resolve(ModelRef.of("traffic-flow-forecast"))
                .card();
        var hour = Tensor.int64("hour_of_day", new long[] {1, 1}, 8L);

        var masked = masking().mask(new TenantId("transport"), card, List.of(hour));

        assertThat(masked.inputs()).containsExactly(hour);
        assertThat(masked.summary()).isEqualTo("rows=1 inputs=hour_of_day:INT64[1,1]");
    }

    @Test
    void theSameRequestIsMaskedAlikeEachTimeSoItsDigestIsStable() {
        var catalog = Catalog.fromClasspath(catalogDir);
        var complaints = catalog.resolve(ModelRef.of("complaint-routing")).card();
        var scores = catalog.resolve(ModelRef.of("education-score-predict")).card();
        var text = List.of(Tensor.bytes("text", new long[] {1}, "电话13812345678，张伟，身份证号110105199003074579"));
        var student = List.of(
                Tensor.bytes("student_id", new long[] {1}, "S-2026-0042"),
                Tensor.fp32("attendance_rate", new long[] {1, 1}, 0.9f));

        var complaint = masking().mask(new TenantId("hotline"), complaints, text);
        var complaintAgain = masking().mask(new TenantId("hotline"), complaints, text);
        var score = masking().mask(new TenantId("education"), scores, student);
        var scoreAgain = masking().mask(new TenantId("education"), scores, student);
        var otherStudent = masking()
                .mask(
                        new TenantId("education"),
                        scores,
                        List.of(
                                Tensor.bytes("student_id", new long[] {1}, "S-2026-0043"),
                                Tensor.fp32("attendance_rate", new long[] {1, 1}, 0.9f)));

        assertThat(digest("complaint-routing", complaintAgain)).isEqualTo(digest("complaint-routing", complaint));
        assertThat(score.inputs().get(0).strings()[0])
                .as("the dropped id is pseudonymized, not kept")
                .doesNotContain("0042");
        assertThat(digest("education-score-predict", scoreAgain)).isEqualTo(digest("education-score-predict", score));
        assertThat(digest("education-score-predict", otherStudent))
                .isNotEqualTo(digest("education-score-predict", score));
    }

    private static String digest(String model, InputMasking.MaskedInputs masked) {
        return RequestDigest.of(model, null, List.of(), masked.inputs());
    }
}
