package org.citymaas.portal.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Payara Micro running the portal's WAR as a child process, for the dev run. The settings reach the
 * portal as system properties (a file passed with {@code --systemproperties}), as in production.
 */
public final class PayaraServer implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(4);

    /** The server settings the portal needs (no branding headers), shared with the tests and the image. */
    private static final Path PRE_BOOT_COMMANDS =
            Path.of(System.getProperty("citymaas.payara.preboot", "portal-web/src/main/payara/pre-boot-commands.txt"));

    private final Process process;
    private final int port;
    private final Path log;

    private PayaraServer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts Payara Micro with the WAR and waits until the portal's readiness check is UP. */
    public static PayaraServer start(
            Path payaraJar, Path war, int port, Path workDirectory, Map<String, String> settings) {
        var server = launch(payaraJar, war, port, workDirectory, settings);
        try {
            server.awaitReady();
            return server;
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /**
     * Starts Payara Micro with the WAR, without waiting for it.
     *
     * @param payaraJar payara-micro.jar
     * @param war the portal's WAR
     * @param port the HTTP port
     * @param workDirectory where the server keeps its files and log
     * @param settings the portal's settings, as system properties
     */
    public static PayaraServer launch(
            Path payaraJar, Path war, int port, Path workDirectory, Map<String, String> settings) {
        try {
            Files.createDirectories(workDirectory);
            var properties = new Properties();
            properties.putAll(settings);
            var propertiesFile = workDirectory.resolve("citymaas.properties");
            // it holds the dev database's passwords: readable by its owner only
            Files.deleteIfExists(propertiesFile);
            Files.createFile(
                    propertiesFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (var out = Files.newBufferedWriter(propertiesFile)) {
                properties.store(
                        out, "CityMaaS settings of the dev run (demo secrets and the dev database's passwords)");
            }
            var log = workDirectory.resolve("payara.log");
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx768m"));
            command.addAll(PortalSettings.runtimeJvmOptions());
            command.addAll(List.of(
                    "-jar",
                    payaraJar.toString(),
                    "--nocluster",
                    "--port",
                    String.valueOf(port),
                    "--rootdir",
                    workDirectory.resolve("root").toString(),
                    "--systemproperties",
                    propertiesFile.toString(),
                    "--prebootcommandfile",
                    PRE_BOOT_COMMANDS.toString(),
                    "--deploy",
                    war.toString()));
            var process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            return new PayaraServer(process, port, log);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start Payara Micro", e);
        }
    }

    /** Waits until the portal's readiness check is UP. */
    public void awaitReady() {
        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        var deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Payara Micro stopped while starting:\n" + tail());
            }
            try {
                var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready"))
                        .timeout(Duration.ofSeconds(5))
                        .build();
                var response = http.send(request, HttpResponse.BodyHandlers.ofString());
                // before the WAR is deployed Payara may already answer UP with no checks at all
                if (response.statusCode() == 200 && response.body().contains("\"database\"")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for Payara Micro", e);
            }
            sleep();
        }
        throw new IllegalStateException("the portal was not ready within " + READY_TIMEOUT + ":\n" + tail());
    }

    private static void sleep() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The last lines of the server's log, for error messages. */
    public String tail() {
        try {
            var lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port + "/citymaas";
    }

    public Path log() {
        return log;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
