package org.citymaas.tenant.quotas.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.Set;
import org.citymaas.tenant.departments.entity.TenantId;
import org.citymaas.tenant.quotas.entity.LeaseBlock;
import org.citymaas.tenant.quotas.entity.LeaseKey;
import org.citymaas.tenant.quotas.entity.QuotaPeriod;
import org.junit.jupiter.api.Test;

class LocalLeasesTest {

    private static final LeaseKey KEY =
            new LeaseKey(new TenantId("transport"), "traffic-flow-forecast", new QuotaPeriod(YearMonth.of(2026, 12)));
    private static final long NOW = 1_000_000_000L;
    private static final long VALID_UNTIL = NOW + 25_000_000_000L;

    private final LocalLeases books = new LocalLeases("instance-a");

    @Test
    void nothingIsServedWithoutALease() {
        assertThat(books.take(KEY, 1, NOW)).isNull();
    }

    @Test
    void aBlockServesAsManyRequestsAndRowsAsItHoldsAndNoMore() {
        books.granted(KEY, new LeaseBlock(3, 10), NOW, VALID_UNTIL);

        var first = books.take(KEY, 4, NOW);
        var second = books.take(KEY, 6, NOW);

        assertThat(first.leased()).isTrue();
        assertThat(first.holder()).isEqualTo("instance-a");
        assertThat(second).isNotNull();
        assertThat(books.take(KEY, 1, NOW)).as("no rows left").isNull();
        assertThat(books.take(KEY, 0, NOW))
                .as("one request left, no rows needed")
                .isNotNull();
        assertThat(books.take(KEY, 0, NOW)).as("no request left").isNull();
    }

    @Test
    void aReleasedReservationCanBeServedAgainASettledOneCannot() {
        books.granted(KEY, new LeaseBlock(2, 10), NOW, VALID_UNTIL);
        var settled = books.take(KEY, 4, NOW);
        var released = books.take(KEY, 4, NOW);

        books.settled(settled);
        books.released(released);

        assertThat(books.available(KEY)).isEqualTo(new LeaseBlock(1, 6));
    }

    @Test
    void settlingOrReleasingTwiceCountsOnce() {
        books.granted(KEY, new LeaseBlock(5, 50), NOW, VALID_UNTIL);
        var reservation = books.take(KEY, 10, NOW);

        books.settled(reservation);
        books.settled(reservation);
        books.released(reservation);

        assertThat(books.available(KEY)).isEqualTo(new LeaseBlock(4, 40));
    }

    @Test
    void aLeaseIsNotServedFromOnceItsValidityHasPassed() {
        books.granted(KEY, new LeaseBlock(5, 50), NOW, VALID_UNTIL);

        assertThat(books.take(KEY, 1, VALID_UNTIL - 1)).isNotNull();
        assertThat(books.take(KEY, 1, VALID_UNTIL)).isNull();

        books.dropExpired(KEY, VALID_UNTIL);
        assertThat(books.available(KEY)).isEqualTo(LeaseBlock.NONE);
    }

    @Test
    void aHeartbeatExtendsTheLeasesStillAliveAndDropsTheOthers() {
        var other = new LeaseKey(KEY.tenant(), "complaint-routing", KEY.period());
        books.granted(KEY, new LeaseBlock(5, 50), NOW, VALID_UNTIL);
        books.granted(other, new LeaseBlock(5, 50), NOW, VALID_UNTIL);

        books.renewed(Set.of(KEY), NOW + 1, VALID_UNTIL + 10);

        assertThat(books.take(KEY, 1, VALID_UNTIL + 5)).isNotNull();
        assertThat(books.keys()).containsExactly(KEY);
    }

    @Test
    void aBlockGrantedWhileAHeartbeatRanIsKept() {
        books.granted(KEY, new LeaseBlock(5, 50), NOW + 2, VALID_UNTIL);

        books.renewed(Set.of(), NOW + 1, VALID_UNTIL + 10);

        assertThat(books.keys()).containsExactly(KEY);
    }

    @Test
    void onlyIdleLeasesWithNothingInFlightAreDroppedAsIdle() {
        var busy = new LeaseKey(KEY.tenant(), "complaint-routing", KEY.period());
        books.granted(KEY, new LeaseBlock(5, 50), NOW, VALID_UNTIL);
        books.granted(busy, new LeaseBlock(5, 50), NOW, VALID_UNTIL);
        books.take(busy, 1, NOW);

        assertThat(books.dropIdle(NOW + 1)).containsExactly(KEY);
        assertThat(books.take(KEY, 1, NOW + 2)).isNull();
        assertThat(books.keys()).containsExactly(busy);
    }
}
