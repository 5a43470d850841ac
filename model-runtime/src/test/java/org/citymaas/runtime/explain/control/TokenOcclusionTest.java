package org.citymaas.runtime.explain.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.citymaas.runtime.explain.control.TokenOcclusion.Token;
import org.junit.jupiter.api.Test;

class TokenOcclusionTest {

    @Test
    void chineseCharactersOneByOneLatinWordsWholeWhitespaceNone() {
        var tokens = TokenOcclusion.tokens("公交站 Bus 42路，坏了");
        assertThat(tokens).extracting(Token::text).containsExactly("公", "交", "站", "Bus", "42", "路", "，", "坏", "了");
    }

    @Test
    void theTextsAreTheTextTheEmptyTextAndTheTextWithoutEachToken() {
        String text = "站牌 bus";
        var tokens = TokenOcclusion.tokens(text);
        assertThat(TokenOcclusion.texts(text, tokens)).containsExactly("站牌 bus", "", "牌 bus", "站 bus", "站牌 ");
        assertThat(TokenOcclusion.rows(text)).isEqualTo(5);
    }

    @Test
    void atMost64TokensTheRestStaysInEveryText() {
        String text = "路".repeat(70);
        var tokens = TokenOcclusion.tokens(text);
        assertThat(tokens).hasSize(TokenOcclusion.MAX_TOKENS);
        var texts = TokenOcclusion.texts(text, tokens);
        assertThat(texts).hasSize(66);
        assertThat(texts.get(2)).hasSize(69);
    }

    @Test
    void charactersOutsideTheBasicPlaneAreOneToken() {
        var tokens = TokenOcclusion.tokens("𠀀站");
        assertThat(tokens).extracting(Token::text).containsExactly("𠀀", "站");
        assertThat(TokenOcclusion.texts("𠀀站", tokens)).containsExactly("𠀀站", "", "站", "𠀀");
    }

    @Test
    void theShareIsTheDropInTheTopClassProbability() {
        // two classes; rows: full, empty, without token 0, without token 1
        float[] out = {0.2f, 0.8f, 0.5f, 0.5f, 0.3f, 0.7f, 0.6f, 0.4f};
        var output = new ExplainedOutput(new org.citymaas.runtime.catalog.entity.FieldSpec(
                "probs", null, List.of(-1L, 2L), null, null, null, null, null, null, List.of("a", "b")));
        var row = TokenOcclusion.explain(out, 0, output, TokenOcclusion.tokens("xy z"));
        assertThat(row.label()).isEqualTo("b");
        assertThat(row.prediction()).isCloseTo(0.8, org.assertj.core.api.Assertions.within(1e-6));
        assertThat(row.baseline()).isCloseTo(0.5, org.assertj.core.api.Assertions.within(1e-6));
        assertThat(row.attributions()).extracting(a -> a.feature()).containsExactly("xy", "z");
        assertThat(row.attributions().get(0).value()).isCloseTo(0.1, org.assertj.core.api.Assertions.within(1e-6));
        assertThat(row.attributions().get(1).value()).isCloseTo(0.4, org.assertj.core.api.Assertions.within(1e-6));
    }
}
