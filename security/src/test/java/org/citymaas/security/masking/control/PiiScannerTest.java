package org.citymaas.security.masking.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.citymaas.security.masking.entity.Finding;
import org.citymaas.security.masking.entity.PiiType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PiiScannerTest {

    private final PiiScanner scanner = new PiiScanner();

    @ParameterizedTest(name = "{1} in {0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "身份证11010519491231002X。|CN_ID_CARD|11010519491231002X",
                "旧证110105491231002|CN_ID_CARD|110105491231002",
                "证件 440304-19900307-5310 号|CN_ID_CARD|440304-19900307-5310",
                "手机+86 138 1234 5678。|CN_MOBILE|+86 138 1234 5678",
                "手机(+86)19912345678|CN_MOBILE|(+86)19912345678",
                "座机（0755）2345678转123|CN_LANDLINE|（0755）2345678转123",
                "座机010-62345678 ext.9|CN_LANDLINE|010-62345678 ext.9",
                "邮箱 a.b-c@mail.gov.cn.|EMAIL|a.b-c@mail.gov.cn",
                "邮箱hdl2008.@139.com，要求书面答复|EMAIL|hdl2008.@139.com",
                "卡号6217-0000-1234-5678-907|BANK_CARD|6217-0000-1234-5678-907",
                "车辆粤B·DA1234违停|CN_PLATE|粤B·DA1234",
                "代码91110108MA01ABCD5T|CN_USCC|91110108MA01ABCD5T",
                "护照EA1234567|PASSPORT|EA1234567",
                "来自114.114.114.114|IP_ADDRESS|114.114.114.114",
                "来电人诸葛亮反映|PERSON_NAME|诸葛亮",
                "刘德华先生|PERSON_NAME|刘德华",
                "手机１３８１２３４５６７８。|CN_MOBILE|１３８１２３４５６７８",
                "身份证：１１０１０５１９４９１２３１００２Ｘ|CN_ID_CARD|１１０１０５１９４９１２３１００２Ｘ",
                "邮箱ｚｗ＠ｑｑ．ｃｏｍ|EMAIL|ｚｗ＠ｑｑ．ｃｏｍ",
            })
    void findsAndValidatesEachType(String text, PiiType type, String value) {
        int start = text.indexOf(value);
        assertThat(scanner.scan(text)).containsExactly(new Finding(type, start, start + value.length()));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "订单号202311051381234567800",
                "时间20231105143022",
                "金额13812345678.00元",
                "身份证110105194912310021",
                "卡号6222021234567890127",
                "号码12012345678",
                "版本v1.2.3.4",
                "依据第1.2.3.4条处理",
                "见1.2.3.4节",
                "地址300.1.1.1",
                "高兴地走在王府井大街",
                "王先生来电",
                "市民高度关注，司机师傅说，用户余额不足",
                "京A座三楼",
                "代码91110108MA01ABCD5A",
                "G1234次",
                "热线95588、4008123456",
            })
    void ignoresLookAlikes(String text) {
        assertThat(scanner.scan(text)).isEmpty();
    }

    @Test
    void neverStartsInsideALongerRunOfDigits() {
        assertThat(scanner.scan("流水号9913812345678")).isEmpty();
        assertThat(scanner.scan("138123456789")).isEmpty();
    }

    @Test
    void prefersTheLongerMatchAndReportsFindingsInOrder() {
        var text = "13812345678@163.com 和 13912345678";
        assertThat(scanner.scan(text)).extracting(Finding::type).containsExactly(PiiType.EMAIL, PiiType.CN_MOBILE);
    }

    @Test
    void reportsJavaStringIndicesWhenTextHasSupplementaryCharacters() {
        var text = "😀手机13812345678";
        assertThat(scanner.scan(text)).isEqualTo(List.of(new Finding(PiiType.CN_MOBILE, 4, 15)));
    }

    @Test
    void mobilesFromEveryPrefixRangeAreFoundNotOnlyThoseAllocatedWhenTheRecognizerWasWritten() {
        for (var number : new String[] {"16912345678", "15412345678", "19412345678", "14212345678", "16012345678"}) {
            assertThat(new PiiScanner().scan("来电号码" + number + "，请回电。"))
                    .as(number)
                    .extracting(f -> f.type())
                    .containsExactly(PiiType.CN_MOBILE);
        }
        assertThat(new PiiScanner().scan("来电号码12812345678，请回电。"))
                .as("12x is no mainland mobile")
                .noneMatch(f -> f.type() == PiiType.CN_MOBILE);
    }
}
