package org.citymaas.tenant.subscriptions.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.citymaas.tenant.departments.entity.TenantId;
import org.citymaas.tenant.subscriptions.entity.Subscription;
import org.junit.jupiter.api.Test;

class SubscriptionCacheTest {

    private static final TenantId TRANSPORT = new TenantId("transport");
    private static final Instant NOW = Instant.parse("2026-12-07T08:00:00Z");
    private static final Optional<Subscription> SUBSCRIBED =
            Optional.of(new Subscription(TRANSPORT, "traffic-flow-forecast", null, "platform-admin", NOW));

    private final AtomicBoolean listening = new AtomicBoolean(true);
    private final AtomicInteger reads = new AtomicInteger();
    private final SubscriptionCache cache = new SubscriptionCache(listening::get, Clock.fixed(NOW, ZoneOffset.UTC));

    private Optional<Subscription> read() {
        reads.incrementAndGet();
        return SUBSCRIBED;
    }

    @Test
    void aSecondAskIsAnsweredWithoutReading() {
        assertThat(cache.get(TRANSPORT, "traffic-flow-forecast", this::read)).isEqualTo(SUBSCRIBED);
        assertThat(cache.get(TRANSPORT, "traffic-flow-forecast", this::read)).isEqualTo(SUBSCRIBED);

        assertThat(reads).hasValue(1);
    }

    @Test
    void aChangeOfTheSubscriptionIsReadAgainButNotTheOthers() {
        cache.get(TRANSPORT, "traffic-flow-forecast", this::read);
        cache.get(TRANSPORT, "air-quality-forecast", this::read);

        cache.changed(Optional.of(new SubscriptionChanges.Change(TRANSPORT, "traffic-flow-forecast")));
        cache.get(TRANSPORT, "traffic-flow-forecast", this::read);
        cache.get(TRANSPORT, "air-quality-forecast", this::read);

        assertThat(reads).hasValue(3);
    }

    @Test
    void whileChangesAreNotHeardEveryAskReadsTheDatabase() {
        listening.set(false);

        cache.get(TRANSPORT, "traffic-flow-forecast", this::read);
        cache.get(TRANSPORT, "traffic-flow-forecast", this::read);

        assertThat(reads).hasValue(2);
        assertThat(cache.size()).isZero();
    }

    @Test
    void aReadThatRacedWithAChangeIsNotKept() {
        var revoked = cache.get(TRANSPORT, "traffic-flow-forecast", () -> {
            // the revocation commits while this read is on its way back with the old row
            cache.changed(Optional.of(new SubscriptionChanges.Change(TRANSPORT, "traffic-flow-forecast")));
            return SUBSCRIBED;
        });

        assertThat(revoked).isEqualTo(SUBSCRIBED);
        assertThat(cache.size()).isZero();
    }

    @Test
    void anUnreadableChangeEmptiesTheWholeCache() {
        cache.get(TRANSPORT, "traffic-flow-forecast", this::read);
        cache.get(new TenantId("health"), "health-risk", this::read);

        cache.changed(Optional.empty());

        assertThat(cache.size()).isZero();
    }

    @Test
    void anEntryOlderThanItsMaximumAgeIsReadAgain() {
        var clock = new java.util.concurrent.atomic.AtomicReference<>(NOW);
        var aging = new SubscriptionCache(listening::get, new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return clock.get();
            }
        });
        aging.get(TRANSPORT, "traffic-flow-forecast", this::read);
        clock.set(NOW.plus(SubscriptionCache.MAX_AGE).plusSeconds(1));
        aging.get(TRANSPORT, "traffic-flow-forecast", this::read);

        assertThat(reads).hasValue(2);
    }
}
