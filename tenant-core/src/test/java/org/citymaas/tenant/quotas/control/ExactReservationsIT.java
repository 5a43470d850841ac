package org.citymaas.tenant.quotas.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.citymaas.tenant.departments.entity.TenantId;
import org.citymaas.tenant.errors.QuotaExceededException;
import org.citymaas.tenant.quotas.entity.LeaseBlock;
import org.citymaas.tenant.quotas.entity.LeaseSettings;
import org.citymaas.tenant.quotas.entity.Reservation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Exact reservations of an instance that dies (stops its heartbeat) between reserving and settling: they
 * expire after the lease's time to live and another instance's reaper gives them back; a settlement
 * that arrives after its reservation was reaped (a stalled instance) never overspends.
 */
class ExactReservationsIT {

    private static final TenantId TRANSPORT = new TenantId("transport");
    /** Leasing on, 3 s to live: near the limit (fewer than 4 requests left) every reservation is exact. */
    private static final LeaseSettings SHORT_LIVED = new LeaseSettings(
            new LeaseBlock(100, 10_000), Duration.ofSeconds(3), Duration.ofMillis(500), Duration.ofSeconds(20));
    /** Leasing off, 3 s to live: every reservation is exact. */
    private static final LeaseSettings EXACT_ONLY = new LeaseSettings(
            new LeaseBlock(0, 0), Duration.ofSeconds(3), Duration.ofMillis(500), Duration.ofSeconds(20));

    @RegisterExtension
    static final QuotaDatabase DB = new QuotaDatabase();

    private void limit(String model, long requests, long rows) throws SQLException {
        DB.limit(TRANSPORT, model, requests, rows, Instant.now());
    }

    private static Reservation reserve(LeaseHolder holder, String model, long rows) {
        return DB.reserve(holder, TRANSPORT, model, rows);
    }

    private static void settle(LeaseHolder holder, Reservation reservation, long rows) {
        DB.settle(holder, reservation, rows);
    }

    private static boolean serve(LeaseHolder holder, String model, long rows) {
        return DB.serve(holder, TRANSPORT, model, rows);
    }

    /** This month's {requests_used, rows_used, requests_leased, open exact reservations}. */
    private static long[] usage(String model) throws SQLException {
        return DB.thisMonth(
                "SELECT u.requests_used, u.rows_used, u.requests_leased,"
                        + " (SELECT count(*) FROM quota_reservation r WHERE r.tenant_id = u.tenant_id"
                        + " AND r.model = u.model AND r.period = u.period) FROM quota_usage u"
                        + " WHERE u.tenant_id = ? AND u.model = ? AND u.period = ?",
                TRANSPORT,
                model);
    }

    private static void sleepPastTtl() throws InterruptedException {
        Thread.sleep(SHORT_LIVED.ttl().plusMillis(500).toMillis());
    }

    @Test
    void aDeadInstancesExactReservationsAreReapedByAnothersHeartbeatAndTheQuotaIsUsedToExactlyTheLimit()
            throws Exception {
        var model = QuotaDatabase.newModel();
        limit(model, 10, 1_000);
        var dead = new LeaseHolder("instance-dead", EXACT_ONLY, DB::inNew);
        var alive = new LeaseHolder("instance-alive", EXACT_ONLY, DB::inNew);
        var held = new ArrayList<Reservation>();
        for (int i = 0; i < 6; i++) {
            held.add(reserve(dead, model, 7));
        }
        assertThat(held).allSatisfy(r -> assertThat(r.leased()).isFalse());
        assertThat(held).allSatisfy(r -> assertThat(r.ticket()).as("recorded").isPositive());
        // the instance dies: no settlement, no release, no heartbeat
        int servedAlive = 0;
        while (serve(alive, model, 7)) {
            servedAlive++;
        }
        assertThat(servedAlive).isEqualTo(4);
        alive.heartbeat(); // renews its own (none open), reaps nothing yet: the dead one's are not expired
        assertThat(usage(model)).containsExactly(10, 70, 0, 6);
        assertThat(serve(alive, model, 7)).isFalse();

        sleepPastTtl();
        alive.heartbeat();

        assertThat(usage(model)).as("reaped and given back").containsExactly(4, 28, 0, 0);
        while (serve(alive, model, 7)) {
            servedAlive++;
        }
        assertThat(servedAlive).as("exactly the limit, no more").isEqualTo(10);
        assertThat(usage(model)).containsExactly(10, 70, 0, 0);
    }

    @Test
    void nearTheLimitWithLeasingOnARefusedReservationReapsTheDeadInstancesExactOnesAndTakesTheirPlace()
            throws Exception {
        var model = QuotaDatabase.newModel();
        limit(model, 3, 1_000);
        var dead = new LeaseHolder("instance-dead", SHORT_LIVED, DB::inNew);
        var alive = new LeaseHolder("instance-alive", SHORT_LIVED, DB::inNew);
        var first = reserve(dead, model, 1);
        var second = reserve(dead, model, 1);
        assertThat(List.of(first, second))
                .allSatisfy(
                        r -> assertThat(r.leased()).as("exact near the limit").isFalse());
        assertThat(serve(alive, model, 1)).isTrue();
        assertThat(serve(alive, model, 1)).isFalse();

        sleepPastTtl();

        // no heartbeat ran: the refused reservation itself reaps the expired ones and tries again
        assertThat(serve(alive, model, 1)).isTrue();
        assertThat(serve(alive, model, 1)).isTrue();
        assertThat(serve(alive, model, 1)).isFalse();
        assertThat(usage(model)).containsExactly(3, 3, 0, 0);
    }

    @Test
    void aLateSettlementAfterTheReapIsRefusedWhenTheQuotaIsUsedUpAndALateReleaseGivesNothingBackTwice()
            throws Exception {
        var model = QuotaDatabase.newModel();
        limit(model, 2, 1_000);
        var stalled = new LeaseHolder("instance-stalled", SHORT_LIVED, DB::inNew);
        var alive = new LeaseHolder("instance-alive", SHORT_LIVED, DB::inNew);
        var toSettle = reserve(stalled, model, 5);
        var toRelease = reserve(stalled, model, 5);

        sleepPastTtl();
        alive.heartbeat();
        assertThat(usage(model)).containsExactly(0, 0, 0, 0);
        assertThat(serve(alive, model, 5)).isTrue();
        assertThat(serve(alive, model, 5)).isTrue();

        assertThatThrownBy(() -> settle(stalled, toSettle, 5)).isInstanceOf(QuotaExceededException.class);
        DB.inNew(c -> {
            stalled.release(c, toRelease);
            return null;
        });

        assertThat(usage(model))
                .as("never above the limit, nothing given back twice")
                .containsExactly(2, 10, 0, 0);
        assertThat(serve(alive, model, 5)).isFalse();
    }

    @Test
    void aLateSettlementAfterTheReapIsChargedOnceWhenTheQuotaStillTakesIt() throws Exception {
        var model = QuotaDatabase.newModel();
        limit(model, 3, 1_000);
        var stalled = new LeaseHolder("instance-stalled", SHORT_LIVED, DB::inNew);
        var alive = new LeaseHolder("instance-alive", SHORT_LIVED, DB::inNew);
        var late = reserve(stalled, model, 5);

        sleepPastTtl();
        alive.heartbeat();
        assertThat(serve(alive, model, 5)).isTrue();
        settle(stalled, late, 4);

        assertThat(usage(model)).containsExactly(2, 9, 0, 0);
        assertThat(serve(alive, model, 5)).isTrue();
        assertThat(serve(alive, model, 5)).isFalse();
        assertThat(usage(model)).containsExactly(3, 14, 0, 0);
    }

    @Test
    void aLiveInstancesExactReservationsAreRenewedByItsHeartbeatAndNotReaped() throws Exception {
        var model = QuotaDatabase.newModel();
        limit(model, 3, 1_000);
        var holder = new LeaseHolder("instance-a", SHORT_LIVED, DB::inNew);
        var other = new LeaseHolder("instance-b", SHORT_LIVED, DB::inNew);
        var open = reserve(holder, model, 2);
        for (int i = 0; i < 4; i++) {
            Thread.sleep(SHORT_LIVED.ttl().dividedBy(3).toMillis());
            holder.heartbeat();
            other.heartbeat();
        }
        assertThat(usage(model)).as("still held after twice the time to live").containsExactly(1, 2, 0, 1);

        settle(holder, open, 1);

        assertThat(usage(model)).containsExactly(1, 1, 0, 0);
    }

    @Test
    void aBatchChunksExactReservationsOfADeadInstanceAreReapedTogether() throws Exception {
        var model = QuotaDatabase.newModel();
        limit(model, 5, 1_000);
        var dead = new LeaseHolder("instance-dead", SHORT_LIVED, DB::inNew);
        var alive = new LeaseHolder("instance-alive", SHORT_LIVED, DB::inNew);
        var chunk = DB.inNew(c -> dead.reserveEachExactly(c, TRANSPORT, model, List.of(3L, 1L, 3L, 2L), Instant.now()));
        assertThat(chunk).extracting(Reservation::rows).containsExactly(3L, 1L, 3L, 2L);
        assertThat(chunk)
                .extracting(Reservation::ticket)
                .doesNotHaveDuplicates()
                .allMatch(t -> t > 0);
        assertThat(usage(model)).containsExactly(4, 9, 0, 4);
        // one line settled before the instance died: it stays charged
        settle(dead, chunk.get(1), 1);

        sleepPastTtl();
        alive.heartbeat();

        assertThat(usage(model)).containsExactly(1, 1, 0, 0);
        int served = 0;
        while (serve(alive, model, 1)) {
            served++;
        }
        assertThat(served).isEqualTo(4);
        assertThat(usage(model)).containsExactly(5, 5, 0, 0);
    }
}
