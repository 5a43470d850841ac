package org.citymaas.security.masking.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.citymaas.security.masking.entity.PiiType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MinorityNameRecognizerTest {

    private final PiiScanner scanner = new PiiScanner();

    @ParameterizedTest(name = "{1} in {0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "扎西顿珠反映藏餐馆被恶意差评。|扎西顿珠",
                "护理交班：古丽娜尔需监测尿量。|古丽娜尔",
                "苏和巴特尔获得了摔跤冠军。|苏和巴特尔",
                "努尔兰在社区开了一家馕店。|努尔兰",
                "买买提·艾力反映烤肉摊的推车被没收。|买买提·艾力",
                "邻居约翰·史密斯和他吵了起来。|约翰·史密斯",
                "报警称被玛丽亚·伊万诺娃威胁。|玛丽亚·伊万诺娃",
                "安德烈·彼得罗夫家的违建已拆除。|安德烈·彼得罗夫",
                "奖学金获得者：钱志勇、阿依古丽。|阿依古丽",
                // issue 9's ninth round: Yi names, more Uyghur and Kazakh elements and letters, a run after a word
                "村民吉克阿果反映路灯不亮。|吉克阿果",
                "患者米日古丽今天出院。|米日古丽",
                "值班：赛力克·努尔兰。|赛力克·努尔兰",
                "她丈夫买合木提·吐尔逊来接她。|买合木提·吐尔逊",
            })
    void findsMinorityAndTransliteratedNamesWhole(String text, String name) {
        assertThat(names(text)).contains(name);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "格桑花开满了山坡。",
                "藏语里尼玛是太阳的意思。",
                "乌云密布，预计傍晚有雨。",
                "地址：幸福路·三号院。",
                "巴黎和伦敦都下雨了。",
            })
    void leavesWordsAndPlacesAlone(String text) {
        assertThat(names(text)).isEmpty();
    }

    private List<String> names(String text) {
        return scanner.scan(text).stream()
                .filter(f -> f.type() == PiiType.PERSON_NAME)
                .map(f -> text.substring(f.start(), f.end()))
                .toList();
    }
}
