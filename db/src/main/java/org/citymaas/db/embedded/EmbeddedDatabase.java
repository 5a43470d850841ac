package org.citymaas.db.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;

/**
 * A real PostgreSQL server started from Maven artifacts, for the dev run and the tests. It runs with
 * fsync off: fine for a demo and tests, never for production data. PostgreSQL refuses to run as root,
 * so the JVM that calls this must not be root (see {@code db/bin/java}).
 */
public final class EmbeddedDatabase implements AutoCloseable {

    /** The database every CityMaaS installation uses. */
    public static final String DATABASE = "citymaas";

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** A throw-away server on a free port with a temporary data directory, removed on close. */
    public static EmbeddedDatabase startTemporary() {
        return start(0, null);
    }

    /**
     * A server on the given port (0 picks a free one) that keeps its data in {@code dataDirectory}
     * between runs, or a throw-away one when the directory is null.
     */
    public static EmbeddedDatabase start(int port, Path dataDirectory) {
        try {
            var builder = EmbeddedPostgres.builder()
                    .setCleanDataDirectory(dataDirectory == null)
                    .setServerConfig("max_connections", "200")
                    .setLocaleConfig("locale", "C")
                    .setLocaleConfig("encoding", "UTF8");
            if (port > 0) {
                builder.setPort(port);
            }
            if (dataDirectory != null) {
                Files.createDirectories(dataDirectory);
                builder.setDataDirectory(dataDirectory);
            }
            var database = new EmbeddedDatabase(builder.start());
            database.createDatabaseIfMissing();
            return database;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
        }
    }

    private void createDatabaseIfMissing() throws IOException {
        try (var connection = postgres.getPostgresDatabase().getConnection();
                var exists = connection
                        .createStatement()
                        .executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
            if (!exists.next()) {
                connection.createStatement().execute("CREATE DATABASE " + DATABASE);
            }
        } catch (java.sql.SQLException e) {
            throw new IOException("could not create database " + DATABASE, e);
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
        return "postgres";
    }

    /** A data source of the CityMaaS database as the superuser. */
    public DataSource ownerDataSource() {
        return postgres.getDatabase(ownerUser(), DATABASE);
    }

    /** A data source of the CityMaaS database as another (already created) role. */
    public DataSource dataSource(String user) {
        return postgres.getDatabase(user, DATABASE);
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
