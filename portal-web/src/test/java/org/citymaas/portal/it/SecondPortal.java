package org.citymaas.portal.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.citymaas.portal.devstack.TestStack;

/**
 * A second portal instance: another Payara Micro process with the same WAR and the same settings file as the shared
 * test server (so the same PostgreSQL, Keycloak, model repository and published checkpoints), on a port of its own, as
 * a second pod of a Kubernetes deployment would be. {@link #kill()} ends it with SIGKILL, as a crash would.
 */
final class SecondPortal implements AutoCloseable {

    private static final Duration START = Duration.ofMinutes(5);

    private final Process process;
    private final String base;

    private SecondPortal(Process process, String base) {
        this.process = process;
        this.base = base;
    }

    /**
     * Starts the WAR at {@code contextPath} (as the first instance serves it, e.g. {@code /citymaas/}) and waits until
     * it is ready.
     */
    static SecondPortal start(String contextPath) {
        return start(contextPath, Map.of());
    }

    /**
     * Starts it as {@link #start(String)} does, with these settings on top of the shared ones (as system
     * properties, which the portal's configuration reads first), e.g. a short batch lease.
     */
    static SecondPortal start(String contextPath, Map<String, String> settings) {
        TestStack.start();
        int port = freePort();
        var log = Path.of("target", "payara-second.log").toAbsolutePath();
        var cache = System.getProperty("citymaas.runtime.cache", "target/model-runtime-cache");
        var command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx640m",
                "-Djava.io.tmpdir="
                        + System.getProperty("citymaas.payara.tmpdir", System.getProperty("java.io.tmpdir")),
                "-Dai.djl.offline=true",
                "-Dorg.bytedeco.javacpp.cachedir=" + cache + "/javacpp",
                "-DDJL_CACHE_DIR=" + cache + "/djl",
                "-Dai.djl.tensorflow.num_interop_threads=-1",
                "-Dai.djl.tensorflow.num_intraop_threads=1"));
        settings.forEach((name, value) -> command.add("-D" + name + "=" + value));
        command.addAll(List.of(
                "-jar",
                System.getProperty("payara.microJar"),
                "--nocluster",
                "--port",
                String.valueOf(port),
                "--deploy",
                System.getProperty("citymaas.war"),
                "--contextroot",
                contextPath.replaceAll("^/|/$", ""),
                "--systemproperties",
                System.getProperty("citymaas.payara.properties"),
                "--logtofile",
                log.toString(),
                "--prebootcommandfile",
                System.getProperty("citymaas.payara.preboot")));
        try {
            var process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(Path.of("target", "payara-second.out").toFile())
                    .start();
            var portal = new SecondPortal(process, "http://localhost:" + port + contextPath);
            portal.awaitReady();
            return portal;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The instance's address, ending in a slash, e.g. {@code http://localhost:41234/citymaas/}. */
    String base() {
        return base;
    }

    /** Its process id. */
    long pid() {
        return process.pid();
    }

    /** SIGKILL: no shutdown hook, no {@code @PreDestroy}, nothing returned or flushed. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    private void awaitReady() {
        var client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        var deadline = System.nanoTime() + START.toNanos();
        var ready = URI.create(base).resolve("/health/ready");
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("the second portal exited with " + process.exitValue()
                        + "; see target/payara-second.out and target/payara-second.log");
            }
            try {
                var answer =
                        client.send(HttpRequest.newBuilder(ready).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        process.destroyForcibly();
        throw new AssertionError("the second portal was not ready within " + START);
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
