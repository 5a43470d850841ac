package org.citymaas.portal.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.citymaas.db.embedded.EmbeddedDatabase;

/**
 * What the portal's integration tests run against: a throw-away embedded PostgreSQL and a fresh
 * Keycloak with the demo realm, started once per test JVM (each test makes its own data), and the
 * settings file Arquillian hands to Payara Micro ({@code citymaas.payara.properties}).
 */
public final class TestStack {

    private static TestStack running;

    private final EmbeddedDatabase database;
    private final KeycloakServer keycloak;
    private final Path publishedCheckpoints;
    private final Path modelsDirectory;

    private TestStack(EmbeddedDatabase database, KeycloakServer keycloak) {
        this.database = database;
        this.keycloak = keycloak;
        try {
            // the checkpoints of this run's temporary database, published where no other run's are
            this.publishedCheckpoints = Files.createTempDirectory("citymaas-published-checkpoints");
            // this run's model repository, seeded by the portal at its start
            this.modelsDirectory = Files.createTempDirectory("citymaas-models");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The stack, started on first use and stopped when the JVM exits. */
    public static synchronized TestStack start() {
        if (running == null) {
            Leftovers.remove();
            var database = EmbeddedDatabase.startTemporary();
            var keycloak = KeycloakServer.start(KeycloakServer.Options.forTests());
            running = new TestStack(database, keycloak);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                keycloak.close();
                database.close();
            }));
        }
        running.writePayaraSettings();
        return running;
    }

    private void writePayaraSettings() {
        var file = Path.of(System.getProperty("citymaas.payara.properties", "target/payara-test.properties"));
        var properties = new Properties();
        properties.putAll(PortalSettings.of(database, keycloak, true, publishedCheckpoints));
        properties.put("citymaas.models.directory", modelsDirectory.toString());
        // refused sign-ins: enough recorded one by one that the tests' own refusals all are, but a
        // burst of SignInAuditIT is sampled and counted; the dev run keeps the defaults (10 a minute)
        properties.put("citymaas.audit.refusals.samples", "200");
        properties.put("citymaas.audit.refusals.window", "PT30S");
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (var out = Files.newBufferedWriter(file)) {
                properties.store(out, "CityMaaS settings of the integration tests");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public EmbeddedDatabase database() {
        return database;
    }

    /** The model repository the test portal reads ({@code citymaas.models.directory}). */
    public Path modelsDirectory() {
        return modelsDirectory;
    }

    public KeycloakServer keycloak() {
        return keycloak;
    }

    /** Where the portal publishes this run's audit checkpoints, outside the database. */
    public Path publishedCheckpoints() {
        return publishedCheckpoints;
    }
}
