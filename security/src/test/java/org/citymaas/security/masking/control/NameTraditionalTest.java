package org.citymaas.security.masking.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.citymaas.security.masking.entity.Finding;
import org.citymaas.security.masking.entity.PiiType;
import org.junit.jupiter.api.Test;

class NameTraditionalTest {

    @Test
    void traditionalCharactersReadAsSimplifiedOnesAtTheSameIndices() {
        assertThat(NameTraditional.simplified("公證：蕭大文與鄭秀雲係親屬關係。")).isEqualTo("公证：萧大文与郑秀云系亲属关系。");
        assertThat(NameTraditional.traditional('蕭')).isTrue();
        assertThat(NameTraditional.traditional('萧')).isFalse();
        var plain = "张伟反映楼上漏水";
        assertThat(NameTraditional.simplified(plain)).isSameAs(plain);
    }

    @Test
    void aNameInTraditionalTextIsFoundWhereItsSimplifiedTwinIs() {
        var scanner = new PiiScanner();
        var simplified = scanner.scan("报案人罗伟强称其在酒店遗失钱包一个。");
        assertThat(simplified).contains(new Finding(PiiType.PERSON_NAME, 3, 6));

        assertThat(scanner.scan("報案人羅偉強稱其在酒店遺失錢包一個。")).isEqualTo(simplified);
    }

    @Test
    void theScannerOfPatternTypesLeavesTraditionalTextAlone() {
        var scanner = new PiiScanner(java.util.List.of(new MobileRecognizer()));

        assertThat(scanner.scan("羅偉強電話13800138000")).containsExactly(new Finding(PiiType.CN_MOBILE, 5, 16));
    }
}
