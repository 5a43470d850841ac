package org.citymaas.portal.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The Keycloak server distribution from Maven Central running as a child process, with the {@code citymaas}
 * realm imported: the identity provider of the dev run and of the integration tests.
 *
 * <p>Each server gets its own Keycloak home in its work directory ({@code conf/}, {@code data/} with the
 * dev-file database, {@code keycloak.log}) whose {@code lib/} links to the shared distribution, so a dev run
 * and tests never share data. The distribution is built once ({@code kc.sh build}) and then started with
 * {@code start --optimized}, which skips Quarkus' augmentation on every start. The realm is imported on the
 * first start of a work directory only: a dev run keeps what the portal created.
 *
 * <pre>{@code
 * try (var keycloak = KeycloakServer.start(KeycloakServer.Options.forTests())) {
 *     String issuer = keycloak.issuer();
 *     String token = keycloak.userToken("transport-staff", "transport-staff-demo");
 * }
 * }</pre>
 */
public final class KeycloakServer implements AutoCloseable {

    private final Options options;
    private final Process process;
    private final int port;
    private final int managementPort;
    private final Path log;
    private final Thread shutdownHook;
    private final KeycloakTokens tokens;

    private KeycloakServer(Options options, Process process, int port, int managementPort, Path log) {
        this.options = options;
        this.process = process;
        this.port = port;
        this.managementPort = managementPort;
        this.log = log;
        this.shutdownHook = new Thread(this::stopProcess, "keycloak-shutdown");
        this.tokens = new KeycloakTokens(baseUrl(), KeycloakDemoRealm.REALM);
    }

    /**
     * Where and how a Keycloak server runs.
     *
     * @param distribution the unpacked keycloak-quarkus-dist (its {@code bin/kc.sh})
     * @param workDirectory this server's Keycloak home: configuration, database, log
     * @param port the HTTP port on 127.0.0.1, 0 for a free one
     * @param managementPort the port of {@code /health}, 0 for a free one
     * @param realmFile the realm to import on the first start
     * @param adminUser the master realm's bootstrap administrator
     * @param adminPassword its password
     * @param temporary whether {@link #close()} deletes the database (tests) or keeps it (dev run)
     * @param readyTimeout how long a start may take before it counts as failed
     */
    public record Options(
            Path distribution,
            Path workDirectory,
            int port,
            int managementPort,
            Path realmFile,
            String adminUser,
            String adminPassword,
            boolean temporary,
            Duration readyTimeout) {

        /**
         * A fresh server on free ports for one test class, in a new directory under {@code target/keycloak}.
         * Reads the system properties failsafe passes ({@code citymaas.keycloak.home},
         * {@code citymaas.realm.file}).
         */
        public static Options forTests() {
            try {
                var parent = Files.createDirectories(Path.of("target", "keycloak"));
                var work = Files.createTempDirectory(parent.toAbsolutePath(), "kc-");
                return new Options(
                        KeycloakDistribution.locate(),
                        work,
                        0,
                        0,
                        KeycloakDistribution.realmFile(),
                        "admin",
                        "admin-demo",
                        true,
                        Duration.ofMinutes(5));
            } catch (IOException e) {
                throw new UncheckedIOException("could not create a work directory for Keycloak", e);
            }
        }

        /**
         * The dev run's server on 127.0.0.1:8180 (management 9180), its data kept in
         * {@code <citymaas.work>/dev/keycloak} between runs. Delete that directory to import the realm again.
         */
        public static Options forDevRun() {
            return new Options(
                    KeycloakDistribution.locate(),
                    KeycloakDistribution.work().resolve("dev").resolve("keycloak"),
                    8180,
                    9180,
                    KeycloakDistribution.realmFile(),
                    "admin",
                    "admin-demo",
                    false,
                    Duration.ofMinutes(5));
        }

        public Options withPorts(int port, int managementPort) {
            return new Options(
                    distribution,
                    workDirectory,
                    port,
                    managementPort,
                    realmFile,
                    adminUser,
                    adminPassword,
                    temporary,
                    readyTimeout);
        }
    }

    /**
     * Builds the distribution if needed, starts Keycloak and waits until {@code /health/ready} says UP.
     *
     * @throws IllegalStateException if it stops or is not ready in time; the message holds the log's tail
     */
    public static KeycloakServer start(Options options) {
        var started = System.nanoTime();
        KeycloakDistribution.ensureBuilt(options.distribution());
        try {
            var home = KeycloakDistribution.prepareHome(
                    options.distribution(), options.workDirectory(), options.realmFile());
            int port = portToUse(options.port());
            int managementPort = portToUse(options.managementPort());
            var log = options.workDirectory().resolve("keycloak.log");
            List<String> command = new ArrayList<>(List.of(
                    options.distribution().resolve("bin").resolve("kc.sh").toString(),
                    "start",
                    "--optimized",
                    "--cache=local",
                    "--http-enabled=true",
                    "--http-host=127.0.0.1",
                    "--http-port=" + port,
                    "--http-management-port=" + managementPort,
                    "--hostname=http://127.0.0.1:" + port,
                    "--import-realm",
                    // a readiness poll would log each DOWN answer
                    "--log-level=INFO,io.smallrye.health:WARN",
                    "-Dkc.home.dir=" + home,
                    "-Djboss.server.config.dir=" + home.resolve("conf")));
            var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            KeycloakDistribution.cleanEnvironment(builder);
            // C1 only: on a busy 2-core machine ready in 45 s instead of 78-107 s (first start with the realm
            // import) and 16 s instead of 47-50 s (restart); dev and test traffic never needs C2's code
            builder.environment().put("JAVA_OPTS_APPEND", "-XX:TieredStopAtLevel=1");
            builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", options.adminUser());
            builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", options.adminPassword());
            System.out.printf(
                    "Keycloak: starting on http://127.0.0.1:%d (management %d), log %s%n", port, managementPort, log);
            var server = new KeycloakServer(options, builder.start(), port, managementPort, log);
            Runtime.getRuntime().addShutdownHook(server.shutdownHook);
            server.awaitReady();
            System.out.printf(
                    "Keycloak: ready after %.1f s, realm %s%n", (System.nanoTime() - started) / 1e9, server.issuer());
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start Keycloak", e);
        }
    }

    private void awaitReady() {
        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        var ready = URI.create("http://127.0.0.1:" + managementPort + "/health/ready");
        var deadline = System.nanoTime() + options.readyTimeout().toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                close();
                throw new IllegalStateException(
                        "Keycloak stopped while starting (exit " + process.exitValue() + "):\n" + tail());
            }
            try {
                var request = HttpRequest.newBuilder(ready)
                        .timeout(Duration.ofSeconds(5))
                        .build();
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
                throw new IllegalStateException("interrupted while waiting for Keycloak", e);
            }
            sleep(500);
        }
        close();
        throw new IllegalStateException("Keycloak was not ready within " + options.readyTimeout() + ":\n" + tail());
    }

    /** {@code http://127.0.0.1:<port>}, the only host name Keycloak answers with. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** The {@code citymaas} realm's URL, the {@code iss} of its tokens. */
    public String issuer() {
        return baseUrl() + "/realms/" + KeycloakDemoRealm.REALM;
    }

    public String jwksUrl() {
        return issuer() + "/protocol/openid-connect/certs";
    }

    public int port() {
        return port;
    }

    public int managementPort() {
        return managementPort;
    }

    public String adminUser() {
        return options.adminUser();
    }

    public String adminPassword() {
        return options.adminPassword();
    }

    public Path log() {
        return log;
    }

    /** An access token of a service-account client (client credentials grant). */
    public String clientCredentialsToken(String clientId, String secret) {
        return tokens.clientCredentials(clientId, secret);
    }

    /**
     * An access token of a user, signed in through Keycloak's login form as a browser would: authorization
     * code with PKCE for the public client {@code citymaas-cli}.
     *
     * @throws KeycloakLoginRefused if Keycloak does not accept the credentials
     */
    public String userToken(String username, String password) {
        return tokens.userLogin(username, password);
    }

    /** An access token of the master realm's administrator, for the admin REST API. */
    public String adminToken() {
        return tokens.masterAdmin(options.adminUser(), options.adminPassword());
    }

    /**
     * Allows one more redirect URI (and post-logout redirect URI, may be null) for a client of the realm, e.g.
     * {@code http://127.0.0.1:41234/citymaas/*} for a portal a test runs on a free port.
     */
    public void addRedirectUri(String clientId, String redirectUriPattern, String postLogoutRedirectPattern) {
        tokens.addRedirectUri(adminToken(), clientId, redirectUriPattern, postLogoutRedirectPattern);
    }

    /** The last lines of Keycloak's log, for error messages. */
    public String tail() {
        try {
            var lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Stops Keycloak; a temporary server's database goes with it, its log stays. */
    @Override
    public void close() {
        stopProcess();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down
        }
        if (options.temporary()) {
            KeycloakDistribution.deleteData(options.workDirectory());
        }
    }

    private void stopProcess() {
        // kc.sh forwards TERM to its java child; the children are remembered in case it does not
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        for (var child : children) {
            if (child.isAlive()) {
                child.destroy();
                try {
                    child.onExit().get(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    child.destroyForcibly();
                    Thread.currentThread().interrupt();
                } catch (ExecutionException | TimeoutException e) {
                    child.destroyForcibly();
                }
            }
        }
    }

    /** A free port for 0; else the port itself, once it is known to be free (a clear error beats a log tail). */
    private static int portToUse(int port) throws IOException {
        try (var socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (BindException e) {
            throw new IllegalStateException(
                    "port " + port + " on 127.0.0.1 is taken: is an earlier Keycloak (dev run) still running?", e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
