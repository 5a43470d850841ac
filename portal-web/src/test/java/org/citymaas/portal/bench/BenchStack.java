package org.citymaas.portal.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.stream.Stream;
import org.citymaas.db.embedded.EmbeddedDatabase;
import org.citymaas.portal.devstack.KeycloakServer;
import org.citymaas.portal.devstack.PayaraServer;
import org.citymaas.portal.devstack.PortalSettings;

/**
 * The dev run's stack, started as {@code DevStack} starts it but in a fresh work directory of its own on free
 * ports: PostgreSQL with the durable settings (fsync, synchronous commit, full page writes on, passwords),
 * Keycloak with a freshly imported demo realm, Payara Micro with the WAR and the demo data.
 */
final class BenchStack implements AutoCloseable {

    private final Path work;
    private final Deque<AutoCloseable> running = new ArrayDeque<>();
    private EmbeddedDatabase database;
    private KeycloakServer keycloak;
    private PayaraServer portal;

    private BenchStack(Path work) {
        this.work = work;
    }

    /** Deletes {@code work}, then starts PostgreSQL, Keycloak and the portal in it; stops what started on failure. */
    static BenchStack start(Path work, Path payaraJar, Path war) {
        deleteTree(work);
        var stack = new BenchStack(work.toAbsolutePath());
        try {
            stack.startAll(payaraJar, war);
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private void startAll(Path payaraJar, Path war) {
        step("starting PostgreSQL (durable) in " + work.resolve("postgres"));
        database = EmbeddedDatabase.startDurable(0, work.resolve("postgres"));
        running.push(database);
        MachineLoad.countAsOurs(work.resolve("postgres"));
        step("starting Keycloak (imports the demo realm)");
        var forTests = KeycloakServer.Options.forTests();
        deleteTree(forTests.workDirectory()); // the empty directory forTests made: this one lives in work
        keycloak = KeycloakServer.start(new KeycloakServer.Options(
                forTests.distribution(),
                work.resolve("keycloak"),
                0,
                0,
                forTests.realmFile(),
                forTests.adminUser(),
                forTests.adminPassword(),
                false,
                forTests.readyTimeout()));
        running.push(keycloak);
        step("starting Payara Micro with the portal and the demo data");
        var settings = PortalSettings.of(database, keycloak, true, work.resolve("published-checkpoints"));
        // everything of this run in its own folder; only the TensorFlow caches are shared with the checkout
        settings.put("citymaas.audit.key-directory", work.resolve("audit-keys").toString());
        settings.put("citymaas.runtime.catalog-cache", catalogCache().toString());
        settings.put("citymaas.models.directory", modelsDirectory().toString());
        portal = PayaraServer.start(payaraJar, war, freePort(), work.resolve("payara"), settings);
        running.push(portal);
        step("the portal is up at " + portal.baseUrl());
    }

    String portalUrl() {
        return portal.baseUrl();
    }

    KeycloakServer keycloak() {
        return keycloak;
    }

    /** The model repository the portal seeded and serves from. */
    Path modelsDirectory() {
        return work.resolve("models");
    }

    Path catalogCache() {
        return work.resolve("portal-catalog");
    }

    Path payaraLog() {
        return portal.log();
    }

    /** What the server runs with: version, fsync, synchronous_commit, full_page_writes, as the server says. */
    String databaseSettings() {
        try (var connection = database.ownerDataSource().getConnection();
                var statement = connection.createStatement()) {
            var text = new StringBuilder("PostgreSQL ");
            for (var name : new String[] {"server_version", "fsync", "synchronous_commit", "full_page_writes"}) {
                try (var result = statement.executeQuery("SHOW " + name)) {
                    result.next();
                    text.append(name.equals("server_version") ? "" : ", " + name + "=")
                            .append(result.getString(1));
                }
            }
            return text.append(" (embedded, passwords on, as the dev run)").toString();
        } catch (SQLException e) {
            return "PostgreSQL settings unreadable: " + e.getMessage();
        }
    }

    /** Stops the portal; the database and Keycloak go on until {@link #close()}. */
    void stopPortal() {
        if (portal != null && running.remove(portal)) {
            portal.close();
        }
    }

    @Override
    public void close() {
        while (!running.isEmpty()) {
            try {
                running.pop().close();
            } catch (Exception e) {
                System.err.println("[bench] could not stop cleanly: " + e);
            }
        }
    }

    static int freePort() {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (var path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + dir, e);
        }
    }

    static void step(String text) {
        System.out.println("[bench] " + text);
    }
}
