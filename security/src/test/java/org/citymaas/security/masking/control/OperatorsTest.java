package org.citymaas.security.masking.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.citymaas.security.masking.entity.InvalidTokenException;
import org.citymaas.security.masking.entity.MaskingException;
import org.citymaas.security.masking.entity.MaskingOperator;
import org.citymaas.security.masking.entity.MaskingPolicy;
import org.citymaas.security.masking.entity.PiiType;
import org.junit.jupiter.api.Test;

class OperatorsTest {

    private final DepartmentKeys keys =
            new DepartmentKeys("test-master-secret-that-is-32-bytes-or-more".getBytes(StandardCharsets.UTF_8));
    private final TextMasker masker = new TextMasker(new PiiScanner(), keys);

    @Test
    void partialMaskKeepsTheShape() {
        assertThat(PartialMask.apply(PiiType.CN_MOBILE, "13812345678")).isEqualTo("138****5678");
        assertThat(PartialMask.apply(PiiType.CN_MOBILE, "+86 138-1234-5678")).isEqualTo("+86 138-****-5678");
        assertThat(PartialMask.apply(PiiType.CN_ID_CARD, "11010519491231002X")).isEqualTo("1****************X");
        assertThat(PartialMask.apply(PiiType.EMAIL, "zhang.wei@163.com")).isEqualTo("z****.***@163.com");
        assertThat(PartialMask.apply(PiiType.CN_LANDLINE, "(010)62345678")).isEqualTo("(010)********");
        assertThat(PartialMask.apply(PiiType.CN_LANDLINE, "010-5858 6666 转 8001"))
                .isEqualTo("010-**** **** 转 ****");
        assertThat(PartialMask.apply(PiiType.IP_ADDRESS, "192.168.1.100")).isEqualTo("192.168.*.***");
        assertThat(PartialMask.apply(PiiType.PERSON_NAME, "欧阳娜娜")).isEqualTo("欧***");
        assertThat(PartialMask.apply(PiiType.CN_PLATE, "京A12345")).isEqualTo("京A****5");
        assertThat(PartialMask.apply(PiiType.EMAIL, "ｚｗ＠ｑｑ．ｃｏｍ")).isEqualTo("ｚ*＠ｑｑ．ｃｏｍ");
    }

    @Test
    void masksTextByPolicy() {
        var text = "来电人张伟，手机13812345678，邮箱zw@qq.com";
        var policy = MaskingPolicy.partialMask().with(PiiType.EMAIL, MaskingOperator.REDACT);
        var masked = masker.mask("transport", text, policy);
        assertThat(masked.masked()).isEqualTo("来电人张*，手机138****5678，邮箱[EMAIL]");
        assertThat(masked.findings()).hasSize(3);
    }

    @Test
    void pseudonymsAreStablePerDepartmentAndDifferAcrossDepartments() {
        var p = new Pseudonymizer(keys);
        var a = p.token("transport", PiiType.CN_MOBILE, "13812345678");
        assertThat(p.token("transport", PiiType.CN_MOBILE, "+86 138-1234-5678")).isEqualTo(a);
        assertThat(p.token("transport", PiiType.CN_MOBILE, "１３８１２３４５６７８")).isEqualTo(a);
        assertThat(p.token("health", PiiType.CN_MOBILE, "13812345678")).isNotEqualTo(a);
        assertThat(p.token("transport", PiiType.CN_MOBILE, "13812345679")).isNotEqualTo(a);
        assertThat(a).matches("\\[CN_MOBILE:[0-9a-f]{16}]");
    }

    @Test
    void differentMasterSecretsGiveDifferentPseudonyms() {
        var other = new Pseudonymizer(
                new DepartmentKeys("another-master-secret-of-32-bytes-at-least".getBytes(StandardCharsets.UTF_8)));
        assertThat(other.token("transport", PiiType.EMAIL, "a@b.cn"))
                .isNotEqualTo(new Pseudonymizer(keys).token("transport", PiiType.EMAIL, "a@b.cn"));
    }

    @Test
    void encryptedTokensOpenOnlyInTheirDepartment() {
        var cipher = new FieldCipher(keys);
        var token = cipher.encrypt("transport", PiiType.CN_ID_CARD, "11010519491231002X");
        assertThat(token).startsWith("{enc:CN_ID_CARD:").doesNotContain("11010519491231002X");
        assertThat(cipher.encrypt("transport", PiiType.CN_ID_CARD, "11010519491231002X"))
                .isNotEqualTo(token);
        assertThat(cipher.decrypt("transport", token)).isEqualTo("11010519491231002X");
        assertThatThrownBy(() -> cipher.decrypt("health", token)).isInstanceOf(InvalidTokenException.class);
        var relabelled = token.replace("CN_ID_CARD", "CN_MOBILE");
        assertThatThrownBy(() -> cipher.decrypt("transport", relabelled)).isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void refusesShortSecretsAndKeyedOperatorsWithoutKeys() {
        assertThatThrownBy(() -> new DepartmentKeys(new byte[16])).isInstanceOf(MaskingException.class);
        var unkeyed = new TextMasker(new PiiScanner());
        assertThatThrownBy(() -> unkeyed.mask("t", "13812345678", MaskingPolicy.uniform(MaskingOperator.PSEUDONYMIZE)))
                .isInstanceOf(MaskingException.class);
        assertThatThrownBy(() -> masker.mask(" ", "13812345678", MaskingPolicy.uniform(MaskingOperator.ENCRYPT)))
                .isInstanceOf(MaskingException.class);
    }
}
