package org.citymaas.db.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.citymaas.db.migration.Migrations;
import org.postgresql.PGConnection;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A real PostgreSQL server started from Maven artifacts, for the dev run and the tests, in two kinds:
 *
 * <ul>
 *   <li>{@link #startDurable durable} (the dev run): data kept in a directory between runs, crash-safe
 *       ({@code fsync}, {@code synchronous_commit} and {@code full_page_writes} on), and every role needs
 *       its password (SCRAM-SHA-256) on TCP and on the Unix socket: the superuser {@code postgres} and
 *       the application's role {@code citymaas_app}. The passwords are generated on the first start and
 *       kept in {@value #CREDENTIALS_FILE} in the data directory (mode 600). A data directory of an
 *       earlier run that trusted every local connection is upgraded in place at its next start;
 *   <li>{@link #startTemporary temporary} (the tests): a throw-away directory, and zonky's fast settings
 *       on purpose: {@code fsync} and {@code synchronous_commit} off (a crash loses the data, which the
 *       tests throw away anyway) and every loopback connection trusted without a password.
 * </ul>
 *
 * Neither is for production: point the portal at a real server there. PostgreSQL refuses to run as
 * root, so the JVM that calls this must not be root (see {@code db/bin/java}).
 */
public final class EmbeddedDatabase implements AutoCloseable {

    /** The database every CityMaaS installation uses. */
    public static final String DATABASE = "citymaas";

    /** The file in a durable server's data directory that keeps its roles' passwords (mode 600). */
    public static final String CREDENTIALS_FILE = "citymaas-credentials.properties";

    private static final String SUPERUSER = "postgres";
    private static final String SCRAM = "scram-sha-256";
    /** What a temporary server is given as a password: it trusts loopback connections and ignores it. */
    private static final String TRUSTED = "embedded-trust";

    private static final Duration HBA_RELOAD = Duration.ofSeconds(10);
    private static final String HBA = """
            # Written by CityMaaS (EmbeddedDatabase) at every start of the durable server: edits are lost.
            # Every role gives its password, on the Unix socket and on TCP (loopback only).
            local all all                scram-sha-256
            host  all all 127.0.0.1/32   scram-sha-256
            host  all all ::1/128        scram-sha-256
            """;

    private final EmbeddedPostgres postgres;
    /** Null for a temporary server, which asks for no password. */
    private final DatabaseCredentials credentials;

    private EmbeddedDatabase(EmbeddedPostgres postgres, DatabaseCredentials credentials) {
        this.postgres = postgres;
        this.credentials = credentials;
    }

    /**
     * A throw-away server on a free port with a temporary data directory, removed on close: fsync off
     * and no passwords, which is fast and fine for tests only.
     */
    public static EmbeddedDatabase startTemporary() {
        try {
            var database =
                    new EmbeddedDatabase(builder().setCleanDataDirectory(true).start(), null);
            database.createDatabaseIfMissing();
            return database;
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("could not start the embedded PostgreSQL", e);
        }
    }

    /**
     * A crash-safe server that keeps its data in {@code dataDirectory} between runs and asks every
     * role for its password (see the class comment), on the given port (0 picks a free one).
     */
    public static EmbeddedDatabase startDurable(int port, Path dataDirectory) {
        Path initdbPassword = null;
        try {
            Files.createDirectories(dataDirectory);
            var credentialsFile = dataDirectory.resolve(CREDENTIALS_FILE);
            var credentials = DatabaseCredentials.readOrGenerate(
                    credentialsFile, List.of(SUPERUSER, Migrations.DEFAULT_APP_ROLE));
            var builder = builder()
                    .setCleanDataDirectory(false)
                    .setDataDirectory(dataDirectory)
                    // zonky starts postgres with -F (fsync off) and synchronous_commit off; these come
                    // later on its command line, and the last setting wins
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("password_encryption", SCRAM)
                    .setConnectConfig("password", credentials.password(SUPERUSER))
                    // after initdb (a new directory is empty until then), before the server starts
                    .setDataDirectoryCustomizer(directory -> credentials.keepIn(credentialsFile));
            if (port > 0) {
                builder.setPort(port);
            }
            if (!Files.exists(dataDirectory.resolve("postgresql.conf"))) {
                // a new directory: zonky passes these "--name=value" to initdb after its own "-A trust",
                // so the server never trusts a connection, not even before its first start is done
                initdbPassword = credentials.passwordFile(
                        SUPERUSER, dataDirectory.toAbsolutePath().getParent());
                builder.setLocaleConfig("auth-host", SCRAM)
                        .setLocaleConfig("auth-local", SCRAM)
                        .setLocaleConfig("pwfile", initdbPassword.toString());
            }
            var database = new EmbeddedDatabase(builder.start(), credentials);
            try {
                database.requirePasswords();
                database.createDatabaseIfMissing();
            } catch (SQLException | IOException | RuntimeException e) {
                database.close();
                throw e;
            }
            return database;
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("could not start the embedded PostgreSQL in " + dataDirectory, e);
        } finally {
            if (initdbPassword != null) {
                try {
                    Files.deleteIfExists(initdbPassword);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    private static EmbeddedPostgres.Builder builder() {
        return EmbeddedPostgres.builder()
                .setServerConfig("max_connections", "200")
                .setLocaleConfig("locale", "C")
                .setLocaleConfig("encoding", "UTF8");
    }

    /**
     * Gives every role its password (creating the application's role if the migrations have not yet),
     * then makes pg_hba.conf ask for it and waits until the server does. In this order, so that a
     * start that stops halfway (or a data directory of an earlier run, which trusted everyone) is
     * finished by the next one.
     */
    private void requirePasswords() throws SQLException, IOException {
        try (var connection = postgres.getPostgresDatabase().getConnection()) {
            if (!roleExists(connection, Migrations.DEFAULT_APP_ROLE)) {
                connection.createStatement().execute("CREATE ROLE " + Migrations.DEFAULT_APP_ROLE + " LOGIN");
            }
            var pg = connection.unwrap(PGConnection.class);
            for (var role : credentials.passwords().entrySet()) {
                if (roleExists(connection, role.getKey())) {
                    // the SCRAM verifier is computed here: the password itself never reaches the server
                    pg.alterUserPassword(role.getKey(), role.getValue().toCharArray(), SCRAM);
                }
            }
            String hbaFile;
            try (var rows = connection.createStatement().executeQuery("SHOW hba_file")) {
                rows.next();
                hbaFile = rows.getString(1);
            }
            Files.writeString(Path.of(hbaFile), HBA);
            connection.createStatement().execute("SELECT pg_reload_conf()");
        }
        awaitPasswordRequired();
    }

    private static boolean roleExists(Connection connection, String role) throws SQLException {
        try (var query = connection.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
            query.setString(1, role);
            try (var rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    /** The reload is a signal: wait until a connection without a password is refused. */
    private void awaitPasswordRequired() {
        var withoutPassword = new PGSimpleDataSource();
        withoutPassword.setServerNames(new String[] {"127.0.0.1"});
        withoutPassword.setPortNumbers(new int[] {port()});
        withoutPassword.setDatabaseName("postgres");
        withoutPassword.setUser(SUPERUSER);
        var deadline = System.nanoTime() + HBA_RELOAD.toNanos();
        while (System.nanoTime() < deadline) {
            try (var accepted = withoutPassword.getConnection()) {
                Thread.sleep(50);
            } catch (SQLException refused) {
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new IllegalStateException("PostgreSQL on port " + port() + " still takes connections without a"
                + " password after pg_hba.conf was rewritten");
    }

    private void createDatabaseIfMissing() throws SQLException {
        try (var connection = postgres.getPostgresDatabase().getConnection();
                var exists = connection
                        .createStatement()
                        .executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
            if (!exists.next()) {
                connection.createStatement().execute("CREATE DATABASE " + DATABASE);
            }
        }
    }

    public int port() {
        return postgres.getPort();
    }

    /** JDBC URL of the CityMaaS database. */
    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + DATABASE;
    }

    /** The superuser, who owns the schema and runs migrations. */
    public String ownerUser() {
        return SUPERUSER;
    }

    /**
     * The password of {@code role}: {@link #ownerUser()} or {@code citymaas_app}. A temporary server
     * asks for none and ignores what it is given.
     */
    public String password(String role) {
        return credentials == null ? TRUSTED : credentials.password(role);
    }

    /** A data source of the CityMaaS database as the superuser. */
    public DataSource ownerDataSource() {
        return dataSource(ownerUser());
    }

    /** A data source of the CityMaaS database as another (already created) role. */
    public DataSource dataSource(String user) {
        if (credentials == null) {
            return postgres.getDatabase(user, DATABASE);
        }
        return postgres.getDatabase(user, DATABASE, Map.of("password", credentials.password(user)));
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
