package org.citymaas.tenant.subscriptions.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.citymaas.db.embedded.EmbeddedDatabase;
import org.citymaas.db.migration.Migrations;
import org.citymaas.tenant.departments.entity.TenantId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Changes announced in a transaction reach a listener on another connection when, and only if, they commit. */
class SubscriptionChangesIT {

    private static EmbeddedDatabase database;
    private static DataSource app;

    private final LinkedBlockingQueue<Optional<SubscriptionChanges.Change>> heard = new LinkedBlockingQueue<>();
    private SubscriptionChanges changes;

    @BeforeAll
    static void startDatabase() {
        database = EmbeddedDatabase.startTemporary();
        Migrations.migrate(database.ownerDataSource(), Migrations.DEFAULT_APP_ROLE, true);
        app = database.dataSource(Migrations.DEFAULT_APP_ROLE);
    }

    @AfterAll
    static void stopDatabase() {
        database.close();
    }

    @BeforeEach
    void listen() throws InterruptedException {
        changes = new SubscriptionChanges(app, heard::add);
        changes.start(Thread::new);
        var deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!changes.listening() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(changes.listening()).as("listening").isTrue();
        heard.clear(); // the "anything may have changed" of the start
    }

    @AfterEach
    void stop() {
        changes.stop();
    }

    private void announce(String tenant, String model, boolean commit) throws SQLException {
        try (var connection = app.getConnection()) {
            connection.setAutoCommit(false);
            try (var notify = connection.prepareStatement(SubscriptionChanges.NOTIFY)) {
                notify.setString(1, new SubscriptionChanges.Change(new TenantId(tenant), model).payload());
                notify.execute();
            }
            if (commit) {
                connection.commit();
            } else {
                connection.rollback();
            }
        }
    }

    @Test
    void aCommittedChangeIsHeardByTheOtherConnection() throws Exception {
        announce("transport", "traffic-flow-forecast", true);

        assertThat(heard.poll(10, TimeUnit.SECONDS))
                .isEqualTo(Optional.of(
                        new SubscriptionChanges.Change(new TenantId("transport"), "traffic-flow-forecast")));
    }

    @Test
    void aRolledBackChangeIsNeverHeard() throws Exception {
        announce("transport", "air-quality-forecast", false);
        announce("health", "health-risk", true);

        // the first thing heard is the committed change; the rolled-back one never arrives
        assertThat(heard.poll(10, TimeUnit.SECONDS))
                .isEqualTo(Optional.of(new SubscriptionChanges.Change(new TenantId("health"), "health-risk")));
        assertThat(heard.poll(1, TimeUnit.SECONDS)).isNull();
    }

    @Test
    void afterStoppingNothingIsTrusted() throws Exception {
        changes.stop();

        assertThat(changes.listening()).isFalse();
        // the loop's last word: anything may have changed
        assertThat(heard.poll(5, TimeUnit.SECONDS)).isEqualTo(Optional.empty());
    }
}
