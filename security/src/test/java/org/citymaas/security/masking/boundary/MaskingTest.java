package org.citymaas.security.masking.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.citymaas.security.masking.entity.MaskingException;
import org.citymaas.security.masking.entity.MaskingOperator;
import org.citymaas.security.masking.entity.MaskingPolicy;
import org.citymaas.security.masking.entity.PiiType;
import org.citymaas.security.masking.entity.ReIdentificationDeniedException;
import org.citymaas.security.masking.entity.ReIdentificationEvent;
import org.citymaas.security.masking.entity.Sensitivity;
import org.junit.jupiter.api.Test;

class MaskingTest {

    private static final byte[] SECRET = "boundary-test-master-secret-32-bytes!!".getBytes(StandardCharsets.UTF_8);

    private final List<ReIdentificationEvent> audited = new ArrayList<>();
    private final Masking masking = new Masking(SECRET, Set.of("auditor"), audited::add);

    private String encryptedMobile() {
        var masked = masking.mask("health", "患者电话13812345678", MaskingPolicy.uniform(MaskingOperator.ENCRYPT));
        assertThat(masked.masked()).doesNotContain("13812345678");
        return masked.masked().substring("患者电话".length());
    }

    @Test
    void revealsAnEncryptedValueToAnAuditorWithAReasonAndAuditsIt() {
        var token = encryptedMobile();
        var value = masking.reIdentify("health", token, "li.auditor", Set.of("auditor"), "court order 2026-117");
        assertThat(value).isEqualTo("13812345678");
        assertThat(audited).singleElement().satisfies(e -> {
            assertThat(e.granted()).isTrue();
            assertThat(e.caller()).isEqualTo("li.auditor");
            assertThat(e.reason()).isEqualTo("court order 2026-117");
            assertThat(e.type()).isEqualTo(PiiType.CN_MOBILE);
            assertThat(e.department()).isEqualTo("health");
            assertThat(e.toString()).doesNotContain("13812345678");
        });
    }

    @Test
    void refusesStaffAndAuditsTheRefusal() {
        var token = encryptedMobile();
        assertThatThrownBy(() -> masking.reIdentify("health", token, "wang", Set.of("staff"), "curious"))
                .isInstanceOf(ReIdentificationDeniedException.class);
        assertThat(audited)
                .singleElement()
                .satisfies(e -> assertThat(e.granted()).isFalse());
    }

    @Test
    void refusesWithoutAReason() {
        var token = encryptedMobile();
        assertThatThrownBy(() -> masking.reIdentify("health", token, "li", Set.of("auditor"), "  "))
                .isInstanceOf(ReIdentificationDeniedException.class);
        assertThat(audited)
                .singleElement()
                .satisfies(e -> assertThat(e.outcome()).isEqualTo("no reason given"));
    }

    @Test
    void refusesWhenNoAuditSinkIsConnectedOrTheSinkFails() {
        var token = encryptedMobile();
        var unaudited = new Masking(SECRET, Set.of("auditor"), null);
        assertThatThrownBy(() -> unaudited.reIdentify("health", token, "li", Set.of("auditor"), "reason"))
                .isInstanceOf(ReIdentificationDeniedException.class);
        var failing = new Masking(SECRET, Set.of("auditor"), e -> {
            throw new IllegalStateException("audit log down");
        });
        assertThatThrownBy(() -> failing.reIdentify("health", token, "li", Set.of("auditor"), "reason"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void masksARecordByFieldSensitivityAndScansFreeText() {
        var record = new LinkedHashMap<String, Object>();
        record.put("citizen_id", "11010519491231002X");
        record.put("phone", "13812345678");
        record.put("name", "张伟");
        record.put("age", 42);
        record.put("complaint", "联系人张伟，电话13812345678，车牌京A12345");
        record.put("extra", "邮箱zw@qq.com");
        var sensitivities = Map.of(
                "citizen_id", Sensitivity.PSEUDONYMIZE,
                "phone", Sensitivity.MASK,
                "name", Sensitivity.DROP,
                "age", Sensitivity.NONE,
                "complaint", Sensitivity.NONE);

        var masked = masking.maskRecord("transport", record, sensitivities, Set.of("complaint"));

        assertThat(masked.fields()).containsOnlyKeys("citizen_id", "phone", "age", "complaint", "extra");
        assertThat((String) masked.fields().get("citizen_id")).matches("\\[CN_ID_CARD:[0-9a-f]{16}]");
        assertThat(masked.fields().get("phone")).isEqualTo("138****5678");
        assertThat(masked.fields().get("age")).isEqualTo(42);
        assertThat(masked.fields().get("complaint")).isEqualTo("联系人张*，电话138****5678，车牌京A****5");
        assertThat(masked.fields().get("extra")).isEqualTo("邮箱z*@qq.com");
        assertThat(masked.findings().get("complaint")).hasSize(3);
        var again = masking.maskRecord("transport", record, sensitivities, Set.of("complaint"));
        assertThat(again.fields().get("citizen_id")).isEqualTo(masked.fields().get("citizen_id"));
        var elsewhere = masking.maskRecord("health", record, sensitivities, Set.of("complaint"));
        assertThat(elsewhere.fields().get("citizen_id"))
                .isNotEqualTo(masked.fields().get("citizen_id"));
    }

    @Test
    void masksForAuditSummariesWithoutASecret() {
        var plain = new Masking(null, Set.of(), null);
        assertThat(plain.mask("请回电13812345678").masked()).isEqualTo("请回电138****5678");
        assertThatThrownBy(() -> plain.reIdentify("health", "{enc:EMAIL:AAAA}", "li", Set.of("auditor"), "r"))
                .isInstanceOf(MaskingException.class);
    }
}
