package org.citymaas.security.masking.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NameLexiconTest {

    private final NameLexicon lexicon = NameLexicon.instance();

    @Test
    void knowsSurnamesFromTheDictionaryAndTheRareOnesItMissed() {
        assertThat(lexicon.surname('张')).isGreaterThan(lexicon.surname('占'));
        assertThat(lexicon.knownSurname('訾')).isTrue();
        assertThat(lexicon.knownSurname('的')).isFalse();
    }

    @Test
    void tellsGivenNameCharactersFromContextWords() {
        assertThat(lexicon.givenLast('伟')).isGreaterThan(lexicon.givenLast('说'));
        assertThat(lexicon.after('说')).isGreaterThan(lexicon.after('伟'));
        assertThat(lexicon.givenLast('萱')).as("a modern given-name character").isGreaterThanOrEqualTo(300);
    }

    @Test
    void countsOrdinaryWordsButNotPersonNames() {
        assertThat(lexicon.wordFrequency("高速", 0, 2)).isPositive();
        assertThat(lexicon.wordFrequency("张伟", 0, 2)).isZero();
        assertThat(lexicon.wordFrequency("高", 0, 5)).as("a span past the text").isZero();
    }

    @Test
    void knowsPlaceNames() {
        assertThat(lexicon.place("去马鞍山", 1, 4)).isTrue();
        assertThat(lexicon.place("王建国", 0, 3)).isFalse();
    }
}
