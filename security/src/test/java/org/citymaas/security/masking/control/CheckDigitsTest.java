package org.citymaas.security.masking.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CheckDigitsTest {

    @Test
    void computesTheGb11643CheckCharacterOfThePublishedExample() {
        assertThat(CheckDigits.idCardCheck("11010519491231002".toCharArray())).isEqualTo('X');
        assertThat(CheckDigits.validIdCard18("11010519491231002X".toCharArray()))
                .isTrue();
        assertThat(CheckDigits.validIdCard18("11010519491231002x".toCharArray()))
                .isTrue();
        assertThat(CheckDigits.validIdCard18("110105194912310021".toCharArray()))
                .isFalse();
    }

    @Test
    void rejectsIdNumbersWithImpossibleDatesOrUnknownProvinces() {
        assertThat(CheckDigits.validIdCard18("510107199202295670".toCharArray()))
                .isTrue();
        assertThat(CheckDigits.validIdCard18("510107199302295670".toCharArray()))
                .isFalse();
        assertThat(CheckDigits.validIdCard18("990105199003078035".toCharArray()))
                .isFalse();
        assertThat(CheckDigits.validIdCard15("110105491231002".toCharArray())).isTrue();
        assertThat(CheckDigits.validIdCard15("110105491331002".toCharArray())).isFalse();
    }

    @Test
    void validatesLuhn() {
        assertThat(CheckDigits.luhn("6222021234567890128".toCharArray())).isTrue();
        assertThat(CheckDigits.luhn("6222021234567890127".toCharArray())).isFalse();
        assertThat(CheckDigits.luhn("4111111111111111".toCharArray())).isTrue();
    }

    @Test
    void computesTheGb32100AndGb11714CheckCharacters() {
        assertThat(CheckDigits.usccCheck("91110108MA01ABCD5")).isEqualTo('T');
        assertThat(CheckDigits.organizationCodeCheck("MA01ABCD")).isEqualTo('5');
        assertThat(CheckDigits.usccCheck("91110108MA01AICD5")).isEqualTo((char) 0);
    }
}
