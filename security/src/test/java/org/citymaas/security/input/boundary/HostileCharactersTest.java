package org.citymaas.security.input.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.citymaas.security.input.entity.CharacterRule;
import org.citymaas.security.input.entity.HostileTextException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HostileCharactersTest {

    @ParameterizedTest
    @ValueSource(
            strings = {"", "张伟反映楼上漏水", "tab\there", "two\nlines\r\nand more", "emoji 😀 ok", "é ü ß", "\u200e mark"})
    void acceptsOrdinaryText(String text) {
        assertThat(HostileCharacters.find(text)).isEmpty();
        assertThat(HostileCharacters.clean(text)).isTrue();
    }

    @Test
    void acceptsNull() {
        assertThat(HostileCharacters.find(null)).isEmpty();
    }

    @Test
    void namesNulAndItsPosition() {
        var found = HostileCharacters.find("abc\u0000def").orElseThrow();
        assertThat(found.rule()).isEqualTo(CharacterRule.NUL);
        assertThat(found.index()).isEqualTo(3);
        assertThat(found.message()).contains("U+0000").contains("position 4");
    }

    @Test
    void refusesLoneSurrogatesOfEitherHalf() {
        assertThat(HostileCharacters.find("\ud800abc").orElseThrow().rule()).isEqualTo(CharacterRule.LONE_SURROGATE);
        assertThat(HostileCharacters.find("abc\ud800").orElseThrow().rule()).isEqualTo(CharacterRule.LONE_SURROGATE);
        assertThat(HostileCharacters.find("a\udc00b").orElseThrow().index()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u0001", "\u0007", "\u001b[31m", "\u000b", "\u000c", "\u007f", "\u0085", "\u009b"})
    void refusesControlCharactersOtherThanTabAndLineBreaks(String text) {
        assertThat(HostileCharacters.find("x" + text).orElseThrow().rule()).isEqualTo(CharacterRule.CONTROL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069"})
    void refusesBidiOverridesAndIsolates(String text) {
        var found = HostileCharacters.find("invoice" + text + "fdp.exe").orElseThrow();
        assertThat(found.rule()).isEqualTo(CharacterRule.BIDI_OVERRIDE);
        assertThat(found.rule().rule()).isEqualTo("bidi-control");
    }

    @Test
    void aRefusalNamesEachFieldItsRuleAndWhere() {
        var model = HostileCharacters.find("model", "the model name", "complaint\u202e-routing")
                .orElseThrow();
        var refused = new HostileTextException(List.of(model));

        assertThat(HostileCharacters.find("version", "the version", "1")).isEmpty();
        assertThat(refused.texts()).singleElement().satisfies(text -> {
            assertThat(text.field()).isEqualTo("model");
            assertThat(text.found().rule()).isEqualTo(CharacterRule.BIDI_OVERRIDE);
            assertThat(text.message())
                    .startsWith("the model name must not contain")
                    .contains("U+202E");
        });
        assertThat(refused).hasMessage(model.message());
        assertThatThrownBy(() -> new HostileTextException(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
