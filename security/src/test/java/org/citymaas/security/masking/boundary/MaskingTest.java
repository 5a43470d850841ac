package org.citymaas.security.masking.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.citymaas.security.masking.entity.MaskingException;
import org.citymaas.security.masking.entity.MaskingOperator;
import org.citymaas.security.masking.entity.MaskingPolicy;
import org.citymaas.security.masking.entity.PiiType;
import org.citymaas.security.masking.entity.ReIdentificationDeniedException;
import org.citymaas.security.masking.entity.ReIdentificationEvent;
import org.citymaas.tenant.departments.entity.TenantId;
import org.junit.jupiter.api.Test;

class MaskingTest {

    private static final byte[] SECRET = "boundary-test-master-secret-32-bytes!!".getBytes(StandardCharsets.UTF_8);

    private final List<ReIdentificationEvent> audited = new ArrayList<>();
    private final Masking masking = new Masking(SECRET, Set.of("auditor"), audited::add);

    private String encryptedMobile() {
        var masked =
                masking.mask(new TenantId("health"), "患者电话13812345678", MaskingPolicy.uniform(MaskingOperator.ENCRYPT));
        assertThat(masked.masked()).doesNotContain("13812345678");
        return masked.masked().substring("患者电话".length());
    }

    @Test
    void revealsAnEncryptedValueToAnAuditorWithAReasonAndAuditsIt() {
        var token = encryptedMobile();
        var value = masking.reIdentify(
                new TenantId("health"), token, "li.auditor", Set.of("auditor"), "court order 2026-117");
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
        assertThatThrownBy(() -> masking.reIdentify(new TenantId("health"), token, "wang", Set.of("staff"), "curious"))
                .isInstanceOf(ReIdentificationDeniedException.class);
        assertThat(audited)
                .singleElement()
                .satisfies(e -> assertThat(e.granted()).isFalse());
    }

    @Test
    void refusesWithoutAReason() {
        var token = encryptedMobile();
        assertThatThrownBy(() -> masking.reIdentify(new TenantId("health"), token, "li", Set.of("auditor"), "  "))
                .isInstanceOf(ReIdentificationDeniedException.class);
        assertThat(audited)
                .singleElement()
                .satisfies(e -> assertThat(e.outcome()).isEqualTo("no reason given"));
    }

    @Test
    void refusesWhenNoAuditSinkIsConnectedOrTheSinkFails() {
        var token = encryptedMobile();
        var unaudited = new Masking(SECRET, Set.of("auditor"), null);
        assertThatThrownBy(() -> unaudited.reIdentify(new TenantId("health"), token, "li", Set.of("auditor"), "reason"))
                .isInstanceOf(ReIdentificationDeniedException.class);
        var failing = new Masking(SECRET, Set.of("auditor"), e -> {
            throw new IllegalStateException("audit log down");
        });
        assertThatThrownBy(() -> failing.reIdentify(new TenantId("health"), token, "li", Set.of("auditor"), "reason"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void masksEachFieldByTheOperationTheCallerChoseAndScansFreeText() {
        var citizenId = "11010519491231002X";
        var complaint = "联系人张伟，电话13812345678，车牌京A12345";

        var pseudonym = masking.pseudonymize(new TenantId("transport"), citizenId);
        var phone = masking.maskValue("13812345678");
        var text = masking.mask(new TenantId("transport"), complaint, MaskingPolicy.partialMask());
        var extra = masking.mask(new TenantId("transport"), "邮箱zw@qq.com", MaskingPolicy.partialMask());

        assertThat(pseudonym).matches("\\[CN_ID_CARD:[0-9a-f]{16}]");
        assertThat(phone).isEqualTo("138****5678");
        assertThat(text.masked()).isEqualTo("联系人张*，电话138****5678，车牌京A****5");
        assertThat(extra.masked()).isEqualTo("邮箱z*@qq.com");
        assertThat(text.findings()).hasSize(3);
        assertThat(masking.pseudonymize(new TenantId("transport"), citizenId)).isEqualTo(pseudonym);
        assertThat(masking.pseudonymize(new TenantId("health"), citizenId)).isNotEqualTo(pseudonym);
        assertThat(masking.pseudonymize(new TenantId("transport"), "S-2026-0042"))
                .as("a value that is no recognized PII gets an untyped token")
                .matches("\\[VALUE:[0-9a-f]{16}]");
    }

    @Test
    void masksForAuditSummariesWithoutASecret() {
        var plain = new Masking(null, Set.of(), null);
        assertThat(plain.mask("请回电13812345678").masked()).isEqualTo("请回电138****5678");
        assertThatThrownBy(() ->
                        plain.reIdentify(new TenantId("health"), "{enc:EMAIL:AAAA}", "li", Set.of("auditor"), "r"))
                .isInstanceOf(MaskingException.class);
    }
}
