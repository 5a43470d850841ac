package org.citymaas.db.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.citymaas.db.migration.Migrations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedDatabaseIT {

    private static final String APP = Migrations.DEFAULT_APP_ROLE;

    @TempDir
    Path work;

    @Test
    void aDurableServerIsCrashSafeAndAsksEveryRoleForItsPasswordAcrossRestarts() throws Exception {
        var data = work.resolve("postgres");
        String ownerPassword;
        String appPassword;
        try (var db = EmbeddedDatabase.startDurable(0, data)) {
            ownerPassword = db.password("postgres");
            appPassword = db.password(APP);
            try (var owner = connect(db, "postgres", ownerPassword)) {
                assertThat(setting(owner, "fsync")).isEqualTo("on");
                assertThat(setting(owner, "synchronous_commit")).isEqualTo("on");
                assertThat(setting(owner, "full_page_writes")).isEqualTo("on");
                owner.createStatement().execute("CREATE TABLE kept (note text)");
                owner.createStatement().execute("INSERT INTO kept VALUES ('still here')");
                owner.createStatement().execute("GRANT SELECT ON kept TO " + APP);
            }
            assertRefusedWithoutOrWithAWrongPassword(db, "postgres");
            assertRefusedWithoutOrWithAWrongPassword(db, APP);
            try (var app = connect(db, APP, appPassword)) {
                assertThat(app.isValid(1)).isTrue();
            }
        }
        var credentials = data.resolve(EmbeddedDatabase.CREDENTIALS_FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(credentials)))
                .isEqualTo("rw-------");
        assertThat(Files.readString(credentials)).contains(ownerPassword, appPassword);
        try (var stream = Files.list(data.getParent())) {
            assertThat(stream).as("initdb's password file is gone").containsExactly(data);
        }

        try (var db = EmbeddedDatabase.startDurable(0, data)) {
            assertThat(db.password("postgres")).isEqualTo(ownerPassword);
            assertThat(db.password(APP)).isEqualTo(appPassword);
            try (var app = connect(db, APP, appPassword);
                    var rows = app.createStatement().executeQuery("SELECT note FROM kept")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("still here");
            }
            assertRefusedWithoutOrWithAWrongPassword(db, "postgres");
            assertRefusedWithoutOrWithAWrongPassword(db, APP);
            try (var owner = db.ownerDataSource().getConnection()) {
                assertThat(setting(owner, "fsync")).isEqualTo("on");
            }
        }
    }

    @Test
    void aDataDirectoryOfAnEarlierRunThatTrustedEveryoneIsUpgradedInPlace() throws Exception {
        var data = work.resolve("postgres");
        try (var earlier = EmbeddedPostgres.builder()
                .setCleanDataDirectory(false)
                .setDataDirectory(data)
                .start()) {
            try (var owner = earlier.getPostgresDatabase().getConnection()) {
                owner.createStatement().execute("CREATE DATABASE " + EmbeddedDatabase.DATABASE);
                owner.createStatement().execute("CREATE ROLE " + APP + " LOGIN");
            }
            try (var owner =
                    earlier.getDatabase("postgres", EmbeddedDatabase.DATABASE).getConnection()) {
                owner.createStatement().execute("CREATE TABLE kept (note text)");
                owner.createStatement().execute("INSERT INTO kept VALUES ('from before')");
            }
        }

        try (var db = EmbeddedDatabase.startDurable(0, data)) {
            assertRefusedWithoutOrWithAWrongPassword(db, "postgres");
            assertRefusedWithoutOrWithAWrongPassword(db, APP);
            try (var owner = connect(db, "postgres", db.password("postgres"));
                    var rows = owner.createStatement().executeQuery("SELECT note FROM kept")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("from before");
                assertThat(setting(owner, "fsync")).isEqualTo("on");
            }
            try (var app = connect(db, APP, db.password(APP))) {
                assertThat(app.isValid(1)).isTrue();
            }
        }
    }

    @Test
    void aTemporaryServerKeepsTheFastSettingsOfTheTests() throws Exception {
        try (var db = EmbeddedDatabase.startTemporary();
                var owner = db.ownerDataSource().getConnection()) {
            assertThat(setting(owner, "fsync")).isEqualTo("off");
            assertThat(setting(owner, "synchronous_commit")).isEqualTo("off");
            try (var withoutPassword = connect(db, "postgres", null)) {
                assertThat(withoutPassword.isValid(1)).isTrue();
            }
        }
    }

    private static void assertRefusedWithoutOrWithAWrongPassword(EmbeddedDatabase db, String role) {
        assertThatThrownBy(() -> connect(db, role, null).close())
                .as("%s without a password", role)
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("password");
        assertThatThrownBy(() -> connect(db, role, "not-" + db.password(role)).close())
                .as("%s with a wrong password", role)
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("password authentication failed");
    }

    /** A plain TCP connection, as Payara's pool or psql would open one. */
    private static Connection connect(EmbeddedDatabase db, String role, String password) throws SQLException {
        var properties = new Properties();
        properties.setProperty("user", role);
        if (password != null) {
            properties.setProperty("password", password);
        }
        return DriverManager.getConnection(db.jdbcUrl(), properties);
    }

    private static String setting(Connection connection, String name) throws SQLException {
        try (var rows = connection.createStatement().executeQuery("SHOW " + name)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
