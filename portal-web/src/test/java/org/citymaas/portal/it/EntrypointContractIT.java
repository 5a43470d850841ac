package org.citymaas.portal.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.citymaas.db.migration.Migrations;
import org.citymaas.portal.deploy.KustomizeSubset;
import org.citymaas.portal.devstack.KeycloakDemoRealm;
import org.citymaas.portal.devstack.PortalSettings;
import org.citymaas.portal.devstack.TestStack;
import org.citymaas.security.audit.control.SigningKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image's configuration contract without a container engine: the image's own entrypoint script starts
 * the WAR the Dockerfile copies, on the Payara Micro the image holds, laid out as the Dockerfile lays it out
 * (only the folder differs, {@code PAYARA_DIR}), with exactly the environment variables docker/k8s sets
 * (the ConfigMap's keys and the Secret's) carrying the test stack's values. As in the pod, the key directory
 * is read-only and holds only the two key pairs, and the working and home directories are read-only: the
 * portal writes only into the folders the manifests put on volumes. The tests run as uid 65534 when the
 * build runs as root (db/bin/java), so a directory without write permission is read-only to the portal.
 */
class EntrypointContractIT {

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(5);
    private static final Path DOCKER = Path.of(System.getProperty("citymaas.docker.dir", "../docker"));
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    @TempDir
    static Path pod;

    static Process portal;
    static Path log;
    static Path keys;
    static Path models;
    static List<String> keyFiles;
    static String base;

    @BeforeAll
    static void startTheImagesEntrypoint() throws Exception {
        var stack = TestStack.start();
        var settings = PortalSettings.of(stack.database(), stack.keycloak(), true, stack.publishedCheckpoints());
        // the key pairs the other integration tests sign with (one audit chain), as a Secret holds them
        var sharedKeys = Path.of(settings.get("citymaas.audit.key-directory"));
        SigningKey.loadOrCreate(sharedKeys);
        SigningKey.loadOrCreate(sharedKeys, "export-signing");
        keys = Files.createDirectory(pod.resolve("keys"));
        for (var file : List.of("audit-signing.key", "audit-signing.pub", "export-signing.key", "export-signing.pub")) {
            Files.copy(sharedKeys.resolve(file), keys.resolve(file));
        }
        // nothing else: no lock file, no history file (reading the pairs here first would leave them)
        keyFiles = readOnly(keys);
        assertThat(keyFiles).hasSize(4);

        var image = ImageLayout.payaraFolder(DOCKER, pod.resolve("opt-payara"));
        var root = Files.createDirectory(pod.resolve("root"));
        var tmp = Files.createDirectory(pod.resolve("tmp"));
        var shared = Files.createDirectory(pod.resolve("shared"));
        models = shared.resolve("models");
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }

        var values = new LinkedHashMap<String, String>();
        values.put("CITYMAAS_DB_URL", stack.database().jdbcUrl());
        values.put("CITYMAAS_DB_USER", Migrations.DEFAULT_APP_ROLE);
        values.put("CITYMAAS_DB_PASSWORD", stack.database().password(Migrations.DEFAULT_APP_ROLE));
        values.put("CITYMAAS_DB_OWNER_USER", stack.database().ownerUser());
        values.put(
                "CITYMAAS_DB_OWNER_PASSWORD",
                stack.database().password(stack.database().ownerUser()));
        values.put("CITYMAAS_OIDC_ISSUER", stack.keycloak().issuer());
        values.put("CITYMAAS_OIDC_CLIENT_ID", KeycloakDemoRealm.PORTAL_CLIENT);
        values.put("CITYMAAS_OIDC_CLIENT_SECRET", KeycloakDemoRealm.PORTAL_SECRET);
        values.put("CITYMAAS_PROVISIONER_CLIENT_ID", KeycloakDemoRealm.PROVISIONER_CLIENT);
        values.put("CITYMAAS_PROVISIONER_SECRET", KeycloakDemoRealm.PROVISIONER_SECRET);
        values.put("CITYMAAS_KEYS_DIR", keys.toString());
        values.put("CITYMAAS_AUDIT_KEY_DIRECTORY", keys.toString());
        values.put("CITYMAAS_MODELS_DIRECTORY", models.toString());
        // the published checkpoints belong to the test database's chain: the stack's folder
        values.put(
                "CITYMAAS_AUDIT_PUBLISHED_DIRECTORY",
                stack.publishedCheckpoints().toString());
        values.put(
                "CITYMAAS_AUDIT_ARCHIVE_DIRECTORY",
                shared.resolve("audit-archive").toString());
        // TensorFlow's libraries as unpacked once per checkout (the pod unpacks them into its emptyDir)
        values.put("CITYMAAS_RUNTIME_CACHE", System.getProperty("citymaas.runtime.cache"));
        values.put("CITYMAAS_MASKING_MASTER_SECRET", settings.get("citymaas.masking.master-secret"));
        values.put("MEM_MAX_RAM_PERCENTAGE", "50");

        var environment = new LinkedHashMap<String, String>();
        for (var name : ImageLayout.manifestVariables(DOCKER)) {
            var value = name.equals("JAVA_OPTS")
                    ? ImageLayout.configMap(DOCKER).get("JAVA_OPTS") + " -Xmx640m -Djava.io.tmpdir=" + tmp
                    : values.get(name);
            assertThat(value)
                    .as("docker/k8s sets %s: give it this stack's value here", name)
                    .isNotNull();
            environment.put(name, value);
        }
        environment.put("CITYMAAS_DEMO", "true");
        environment.put("CITYMAAS_RUNTIME_CATALOG_CACHE", pod.resolve("catalog").toString());
        environment.put("PAYARA_DIR", image.toString());
        environment.put("CITYMAAS_HTTP_PORT", String.valueOf(port));
        environment.put("HOME", root.toString());
        environment.put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":/usr/bin:/bin");

        log = pod.resolve("portal.log");
        var process = new ProcessBuilder(
                        "sh", image.resolve("citymaas-entrypoint.sh").toString())
                .directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        process.environment().clear();
        process.environment().putAll(environment);
        readOnly(root);
        portal = process.start();
        base = "http://127.0.0.1:" + port;
        awaitReady();
    }

    @AfterAll
    static void stop() throws Exception {
        if (portal != null) {
            portal.destroy();
            if (!portal.waitFor(30, TimeUnit.SECONDS)) {
                portal.destroyForcibly();
            }
        }
        if (log != null && Files.exists(log)) {
            Files.copy(log, Path.of("target/entrypoint-contract-portal.log"), StandardCopyOption.REPLACE_EXISTING);
        }
        for (var dir : List.of(keys, pod.resolve("root"))) {
            if (dir != null && Files.exists(dir)) {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            }
        }
    }

    @Test
    void everyProbeOfTheDeploymentSucceeds() throws Exception {
        var deployment = KustomizeSubset.render(DOCKER.resolve("k8s")).stream()
                .filter(o -> "Deployment".equals(o.get("kind")))
                .findFirst()
                .orElseThrow();
        var container = KustomizeSubset.map(KustomizeSubset.list(
                        KustomizeSubset.map(KustomizeSubset.map(KustomizeSubset.map(deployment.get("spec"))
                                                .get("template"))
                                        .get("spec"))
                                .get("containers"))
                .get(0));
        for (var probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
            var path = (String) KustomizeSubset.map(
                            KustomizeSubset.map(container.get(probe)).get("httpGet"))
                    .get("path");
            var answer = get(path);
            // what the kubelet counts as success
            assertThat(answer.statusCode())
                    .as(probe + " " + path + ": " + answer.body())
                    .isBetween(200, 399);
        }
        var ready = get("/health/ready");
        assertThat(ready.body()).contains("\"database\"", "\"keycloak\"").doesNotContain("DOWN");
        assertThat(get("/health/live").body()).contains("UP");
    }

    @Test
    void theApiAnswersWithTheSettingsTheEnvironmentGave() {
        var me = Http.get(base + "/citymaas/api/v1/me", DemoTokens.serviceToken("transport"));
        assertThat(me.status()).as(me.body()).isEqualTo(200);
        assertThat(me.body()).contains("transport");

        var catalog = Http.get(base + "/citymaas/api/v2/models", DemoTokens.serviceToken("transport"));
        assertThat(catalog.status()).as(catalog.body()).isEqualTo(200);
        assertThat(models.resolve("traffic-flow-forecast"))
                .as("the shipped models are seeded into CITYMAAS_MODELS_DIRECTORY")
                .isDirectory();
    }

    @Test
    void theAuditKeyComesFromTheReadOnlyKeyDirectoryAndNothingIsWrittenThere() throws Exception {
        var published = Http.get(
                base + "/citymaas/api/v1/audit/public-key", DemoTokens.userToken("auditor"), "application/x-pem-file");
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        assertThat(published.body().strip())
                .isEqualTo(Files.readString(keys.resolve("audit-signing.pub")).strip());
        var exports = Http.get(
                base + "/citymaas/api/v1/billing/exports/signing-key",
                DemoTokens.userToken("auditor"),
                "application/x-pem-file");
        assertThat(exports.status())
                .as("the finance exports' key: " + exports.body())
                .isEqualTo(200);
        assertThat(exports.body().strip())
                .isEqualTo(Files.readString(keys.resolve("export-signing.pub")).strip());
        assertThat(names(keys)).isEqualTo(keyFiles);
        assertThat(names(pod.resolve("root")))
                .as("nothing in the working and home directory")
                .isEmpty();
    }

    @Test
    void aKeyPairMadeWithOpensslAsTheSecretExampleSaysLoadsFromAReadOnlyDirectory() throws Exception {
        var made = Files.createDirectory(pod.resolve("openssl-keys"));
        for (var command : List.of(
                List.of("openssl", "genpkey", "-algorithm", "ed25519", "-out", "audit-signing.key"),
                List.of("openssl", "pkey", "-in", "audit-signing.key", "-pubout", "-out", "audit-signing.pub"))) {
            var run = new ProcessBuilder(command)
                    .directory(made.toFile())
                    .inheritIO()
                    .start();
            assertThat(run.waitFor()).as(String.join(" ", command)).isZero();
        }
        var files = readOnly(made);
        try {
            var key = SigningKey.loadOrCreate(made);
            assertThat(key.keyId())
                    .isEqualTo(SigningKey.keyId(SigningKey.readPublicKey(made.resolve("audit-signing.pub"))));
            assertThat(SigningKey.verify(key.publicKey(), new byte[] {1}, key.sign(new byte[] {1})))
                    .isTrue();
            assertThat(names(made)).isEqualTo(files);
        } finally {
            Files.setPosixFilePermissions(made, PosixFilePermissions.fromString("rwx------"));
        }
    }

    private static void awaitReady() throws Exception {
        var deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!portal.isAlive()) {
                throw new AssertionError("the entrypoint stopped (" + portal.exitValue() + "):\n" + tail());
            }
            try {
                var ready = get("/health/ready");
                if (ready.statusCode() == 200 && ready.body().contains("\"database\"")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("the portal was not ready within " + READY_TIMEOUT + ":\n" + tail());
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String tail() throws IOException {
        var lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

    private static List<String> readOnly(Path directory) throws IOException {
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("r-xr-xr-x"));
        assertThat(Files.isWritable(directory))
                .as("read-only for the tests' user (uid 65534 under root)")
                .isFalse();
        return names(directory);
    }

    private static List<String> names(Path directory) throws IOException {
        try (var files = Files.list(directory)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }
}
