package org.citymaas.security.masking.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NameLikelihoodTest {

    private final NameLikelihood likelihood = new NameLikelihood();

    @Test
    void turnsDownASurnameAfterAFormOfAddressOrANumber() {
        assertThat(likelihood.end("老杨反映", 1, 1)).isEqualTo(-1);
        assertThat(likelihood.end("四万余元", 1, 1)).isEqualTo(-1);
    }

    @Test
    void prefersTheGivenNameLengthTheContextAllows() {
        assertThat(likelihood.end("张伟反映楼上漏水", 0, 1)).isEqualTo(2);
        assertThat(likelihood.end("王建国尽快回电", 0, 1)).isEqualTo(3);
        assertThat(likelihood.end("欧阳娜娜说", 0, 2)).isEqualTo(4);
    }

    @Test
    void scoresAnOrdinaryWordBelowAName() {
        assertThat(likelihood.score("高速路口拥堵", 0, 1, 1)).isLessThan(likelihood.score("高军路口等人", 0, 1, 1));
        assertThat(likelihood.end("马上派人处理", 0, 1)).isEqualTo(-1);
    }

    @Test
    void rulesOutSpansNoNameCanHave() {
        assertThat(NameSpans.possible("王建国说", 0, 1, 2)).as("a name").isTrue();
        assertThat(NameSpans.possible("张总说", 0, 1, 1)).as("an honorific").isFalse();
        assertThat(NameSpans.possible("罗家三代人", 0, 1, 1)).as("the family").isFalse();
        assertThat(NameSpans.possible("解放路发生事故", 2, 1, 2)).as("a road suffix").isFalse();
        assertThat(NameSpans.possible("向学生出售", 0, 1, 2)).as("a role word").isFalse();
        assertThat(NameSpans.possible("张伟和王芳", 0, 1, 2)).as("a conjunction").isFalse();
    }

    @Test
    void readsANumeralAndAClassifierOrAVerbAndItsPerfectiveAsNoGivenName() {
        assertThat(NameSpans.possible("先付一半定金", 1, 1, 1)).as("a quantity").isFalse();
        assertThat(NameSpans.possible("丁一妈妈来电", 0, 1, 1)).as("a numeral named").isTrue();
        assertThat(NameSpans.possible("车位全拆了", 2, 1, 1)).as("a verb and 了").isFalse();
        assertThat(NameSpans.possible("李达了解情况后回复", 0, 1, 1)).as("了解").isTrue();
        assertThat(NameSpans.possible("已通知王芳了", 3, 1, 1)).as("no verb").isTrue();
    }

    @Test
    void asksTheSegmenterOnlyToConfirmTheExactSpan() {
        assertThat(NameWindows.confirms("请林睿泽明天把借的图书还给图书馆", 1, 4)).isTrue();
        assertThat(NameWindows.confirms("请林睿泽明天把借的图书还给图书馆", 1, 3)).isFalse();
        assertThat(NameWindows.confirms("到场时双方已离开", 2, 5)).isFalse();
    }
}
