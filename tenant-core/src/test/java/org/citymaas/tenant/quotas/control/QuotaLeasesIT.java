package org.citymaas.tenant.quotas.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.citymaas.tenant.departments.entity.TenantId;
import org.citymaas.tenant.errors.QuotaExceededException;
import org.citymaas.tenant.quotas.entity.LeaseBlock;
import org.citymaas.tenant.quotas.entity.LeaseSettings;
import org.citymaas.tenant.quotas.entity.QuotaSettlement;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two lease holders with their own instance ids on one database, as two portal instances would be: the
 * race for a quota, a holder that dies, a limit that changes.
 */
class QuotaLeasesIT {

    private static final TenantId TRANSPORT = new TenantId("transport");
    private static final LeaseSettings SETTINGS = new LeaseSettings(
            new LeaseBlock(100, 10_000), Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofSeconds(20));
    /** Long enough that serving the rest of the quota (95 transactions) finishes inside it on a busy machine. */
    private static final LeaseSettings SHORT_LIVED = new LeaseSettings(
            new LeaseBlock(100, 10_000), Duration.ofSeconds(6), Duration.ofMillis(500), Duration.ofSeconds(20));

    @RegisterExtension
    static final QuotaDatabase DB = new QuotaDatabase();

    private void limit(String model, long requests, long rows) throws SQLException {
        DB.limit(TRANSPORT, model, requests, rows, Instant.now());
    }

    /** Reserves as the inference path does (its own transaction) and settles in a second one. */
    private static boolean serve(LeaseHolder holder, String model, long rows) {
        return DB.serve(holder, TRANSPORT, model, rows);
    }

    /** used and leased of this month: {requests_used, rows_used, requests_leased, rows_leased}, lease rows. */
    private static long[] usage(String model) throws SQLException {
        return DB.thisMonth(
                "SELECT u.requests_used, u.rows_used, u.requests_leased,"
                        + " u.rows_leased, (SELECT count(*) FROM quota_lease l WHERE l.tenant_id = u.tenant_id"
                        + " AND l.model = u.model AND l.period = u.period) FROM quota_usage u"
                        + " WHERE u.tenant_id = ? AND u.model = ? AND u.period = ?",
                TRANSPORT,
                model);
    }

    @RepeatedTest(3)
    void twoInstancesRacingSixtyFourThreadsForFiveHundredRequestsServeExactlyFiveHundred() throws Exception {
        var model = QuotaDatabase.newModel();
        limit(model, 500, 1_000_000);
        var holders = List.of(
                new LeaseHolder("instance-a", SETTINGS, DB::inNew), new LeaseHolder("instance-b", SETTINGS, DB::inNew));
        var served = new AtomicInteger();
        var servedBy = new AtomicInteger[] {new AtomicInteger(), new AtomicInteger()};
        QuotaDatabase.concurrently(64, 64, i -> {
            var which = i % 2;
            return () -> {
                while (serve(holders.get(which), model, 3)) {
                    served.incrementAndGet();
                    servedBy[which].incrementAndGet();
                }
                return null;
            };
        });

        assertThat(served).hasValue(500);
        assertThat(servedBy[0].get()).as("both instances served").isPositive();
        assertThat(servedBy[1].get()).as("both instances served").isPositive();
        var during = usage(model);
        assertThat(during[0]).isEqualTo(500);
        assertThat(during[1]).isEqualTo(1_500);
        assertThat(during[0] + during[2])
                .as("used + leased never above the limit")
                .isLessThanOrEqualTo(500);

        holders.forEach(LeaseHolder::returnAll);

        var after = usage(model);
        assertThat(after).as("nothing stranded: no lease left, nothing leased").containsExactly(500, 1_500, 0, 0, 0);
        assertThat(serve(holders.get(0), model, 0)).isFalse();
        assertThat(serve(holders.get(1), model, 0)).isFalse();
    }

    @Test
    void whatADeadInstanceLeasedComesBackAfterItsLeaseExpires() throws Exception {
        var model = QuotaDatabase.newModel();
        limit(model, 100, 1_000_000);
        var dead = new LeaseHolder("instance-dead", SHORT_LIVED, DB::inNew);
        var alive = new LeaseHolder("instance-alive", SHORT_LIVED, DB::inNew);
        for (int i = 0; i < 5; i++) {
            assertThat(serve(dead, model, 1)).isTrue();
        }
        // the instance dies: no heartbeat, its lease is never returned
        int servedAlive = 0;
        while (serve(alive, model, 1)) {
            servedAlive++;
        }
        var stranded = usage(model);
        assertThat(stranded[2]).as("the dead instance still holds its lease").isPositive();
        assertThat(servedAlive + stranded[2]).isEqualTo(95);

        Thread.sleep(SHORT_LIVED.ttl().plusMillis(500).toMillis());
        while (serve(alive, model, 1)) {
            servedAlive++;
        }

        assertThat(servedAlive).isEqualTo(95);
        alive.returnAll();
        assertThat(usage(model)).containsExactly(100, 100, 0, 0, 0);
    }

    @Test
    void aLoweredLimitTakesEffectAtOnceLeasesAreDroppedAndReservationsInFlightAreCheckedAgain() throws Exception {
        var model = QuotaDatabase.newModel();
        limit(model, 1_000, 1_000_000);
        var holder = new LeaseHolder("instance-a", SETTINGS, DB::inNew);
        var other = new LeaseHolder("instance-b", SETTINGS, DB::inNew);
        assertThat(serve(holder, model, 1)).isTrue();
        var inFlight = DB.inNew(c -> other.reserve(c, TRANSPORT, model, 1, Instant.now()));
        assertThat(inFlight.leased()).isTrue();

        limit(model, 1, 1_000_000);
        DB.inNew(c -> {
            holder.dropLeases(c, TRANSPORT, model);
            return null;
        });

        assertThat(usage(model)).containsExactly(1, 1, 0, 0, 0);
        assertThatThrownBy(() -> DB.inNew(c -> {
                    other.settle(c, List.of(new QuotaSettlement(inFlight, 1)));
                    return null;
                }))
                .isInstanceOf(QuotaExceededException.class);
        assertThat(serve(holder, model, 1)).isFalse();
        other.heartbeat();
        assertThat(serve(other, model, 1)).isFalse();
        assertThat(usage(model)).containsExactly(1, 1, 0, 0, 0);
    }

    @Test
    void anIdleLeaseIsReturnedByTheHeartbeatAndALiveOneIsRenewed() throws Exception {
        var model = QuotaDatabase.newModel();
        limit(model, 1_000, 1_000_000);
        var idle = new LeaseSettings(
                new LeaseBlock(100, 10_000), Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofMillis(1));
        var holder = new LeaseHolder("instance-a", idle, DB::inNew);
        assertThat(serve(holder, model, 1)).isTrue();
        assertThat(usage(model)).containsExactly(1, 1, 100 - 1, 10_000 - 1, 1);

        Thread.sleep(5);
        holder.heartbeat();

        assertThat(usage(model)).containsExactly(1, 1, 0, 0, 0);
    }
}
