package org.citymaas.portal.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RefusalWindowTest {

    private static final Instant T0 = Instant.parse("2026-12-07T06:00:00Z");
    private static final Duration MINUTE = Duration.ofMinutes(1);

    @Test
    void recordsTheFirstRefusalsOfAWindowAndCountsTheRest() {
        var window = new RefusalWindow(3, MINUTE, T0);
        var sampled = IntStream.range(0, 1000)
                .filter(i -> window.refuse(
                                i % 2 == 0 ? "invalid token" : "no token", "10.0.0." + (i % 7), T0.plusMillis(i))
                        .sample())
                .count();
        assertThat(sampled).isEqualTo(3);

        assertThat(window.close(T0.plusSeconds(59))).isEmpty();
        var summary = window.close(T0.plusSeconds(60)).orElseThrow();
        assertThat(summary.total()).isEqualTo(1000);
        assertThat(summary.sampled()).isEqualTo(3);
        assertThat(summary.byReason()).isEqualTo(Map.of("invalid token", 500L, "no token", 500L));
        assertThat(summary.addresses()).isEqualTo(7);
        assertThat(summary.describe())
                .isEqualTo("1000 refused from 2026-12-07T06:00:00Z to 2026-12-07T06:01:00Z (invalid token 500,"
                        + " no token 500); 3 recorded one by one; 7 client addresses")
                .matches("[\\x20-\\x7e]*");
        assertThat(window.close(T0.plusSeconds(61)))
                .as("a window is summarised once")
                .isEmpty();
    }

    @Test
    void aWindowWhoseRefusalsWereAllRecordedNeedsNoSummary() {
        var window = new RefusalWindow(3, MINUTE, T0);
        window.refuse("no token", "10.0.0.1", T0);
        window.refuse("no token", "10.0.0.1", T0.plusSeconds(1));
        assertThat(window.close(T0.plusSeconds(60))).isEmpty();
    }

    @Test
    void theNextWindowStartsAfreshAndTheClosedOneIsHandedOverByTheFirstRefusalAfterIt() {
        var window = new RefusalWindow(1, MINUTE, T0);
        assertThat(window.refuse("no token", "a", T0).sample()).isTrue();
        assertThat(window.refuse("no token", "a", T0.plusSeconds(1)).sample()).isFalse();

        var later = window.refuse("invalid token", "b", T0.plusSeconds(150));
        assertThat(later.sample()).as("first of its own window").isTrue();
        assertThat(later.closed().orElseThrow().total()).isEqualTo(2);
        assertThat(later.closed().orElseThrow().to()).isEqualTo(T0.plusSeconds(60));

        var third = window.close(T0.plusSeconds(180)).map(RefusalWindow.Summary::from);
        assertThat(third)
                .as("the refusal at 150 s was recorded, nothing to summarise")
                .isEmpty();
        assertThat(window.refuse("no token", "c", T0.plusSeconds(185)).sample()).isTrue();
    }

    @Test
    void aFloodFromManyAddressesIsBoundedAndSaidToBeAtLeast() {
        var window = new RefusalWindow(0, MINUTE, T0);
        var counter = new AtomicInteger();
        IntStream.range(0, RefusalWindow.MAX_ADDRESSES + 500)
                .forEach(i -> window.refuse("invalid token", "addr-" + counter.incrementAndGet(), T0));
        var summary = window.close(T0.plus(MINUTE)).orElseThrow();
        assertThat(summary.addresses()).isEqualTo(RefusalWindow.MAX_ADDRESSES);
        assertThat(summary.describe()).endsWith("at least 10000 client addresses");
    }

    @Test
    void refusesAWindowOfNoLength() {
        assertThatThrownBy(() -> new RefusalWindow(1, Duration.ZERO, T0)).isInstanceOf(IllegalArgumentException.class);
    }
}
