package org.citymaas.portal.clients.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.citymaas.portal.errors.InvalidParameterException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GracePeriodTest {

    @Test
    void noValueMeansTheOldSecretStopsAtOnce() {
        assertThat(GracePeriod.parse(null).isNone()).isTrue();
        assertThat(GracePeriod.parse("").isNone()).isTrue();
        assertThat(GracePeriod.parse("  ").isNone()).isTrue();
        assertThat(GracePeriod.parse("PT0S").isNone()).isTrue();
        assertThat(GracePeriod.parse("PT0S").duration()).isZero();
    }

    @Test
    void readsTheChoicesThePageOffersAndShortPeriods() {
        assertThat(GracePeriod.parse("PT1H").duration()).isEqualTo(Duration.ofHours(1));
        assertThat(GracePeriod.parse("PT24H").duration()).isEqualTo(Duration.ofHours(24));
        assertThat(GracePeriod.parse("P7D").duration()).isEqualTo(Duration.ofDays(7));
        assertThat(GracePeriod.parse("PT1S").duration()).isEqualTo(Duration.ofSeconds(1));
        assertThat(GracePeriod.parse("pt90m").duration()).isEqualTo(Duration.ofMinutes(90));
        assertThat(GracePeriod.parse("PT1H").toString()).isEqualTo("PT1H");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "1h",
                "3600",
                "PT",
                "P1W",
                "-PT1H",
                "PT-5S",
                "PT0.5S",
                "PT1.5S",
                "P8D",
                "PT168H1S",
                "P1M",
                "PT99999999999999999999H",
                "PT1H\u0000"
            })
    void refusesAnythingElseNamingTheParameter(String text) {
        assertThatThrownBy(() -> GracePeriod.parse(text)).isInstanceOfSatisfying(InvalidParameterException.class, e -> {
            assertThat(e.parameter()).isEqualTo("gracePeriod");
            assertThat(e.status()).isEqualTo(400);
        });
    }

    @Test
    void theLongestIsSevenDays() {
        assertThat(GracePeriod.parse("PT168H").duration()).isEqualTo(GracePeriod.MAX);
        assertThatThrownBy(() -> new GracePeriod(Duration.ofDays(8))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GracePeriod(Duration.ofMillis(1500))).isInstanceOf(IllegalArgumentException.class);
    }
}
