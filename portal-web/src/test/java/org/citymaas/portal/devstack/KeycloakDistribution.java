package org.citymaas.portal.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

/**
 * The unpacked Keycloak server distribution that portal-web's build caches under {@code .work/keycloak}: where
 * it is, building it once for {@code start --optimized}, and the per-server homes that link to it.
 */
final class KeycloakDistribution {

    /**
     * Build-time options; the runtime ones are on the {@code start} command line. The realm's client policy keeps a
     * rotated client secret for a grace period only with the preview feature {@code client-secret-rotation}.
     */
    private static final List<String> BUILD_OPTIONS =
            List.of("--db=dev-file", "--health-enabled=true", "--features=client-secret-rotation");

    private static final String PERSISTED_OPTIONS = "META-INF/keycloak-persisted.properties";

    private KeycloakDistribution() {}

    /** {@code citymaas.keycloak.home}, else the one distribution unpacked under {@code <citymaas.work>/keycloak}. */
    static Path locate() {
        var configured = System.getProperty("citymaas.keycloak.home");
        Path distribution;
        if (configured != null) {
            distribution = Path.of(configured);
        } else {
            try (Stream<Path> unpacked = list(work().resolve("keycloak"))) {
                distribution = unpacked.filter(
                                dir -> dir.getFileName().toString().startsWith("keycloak-"))
                        .findFirst()
                        .orElse(work().resolve("keycloak").resolve("keycloak-<version>"));
            }
        }
        if (!Files.isExecutable(distribution.resolve("bin").resolve("kc.sh"))) {
            throw new IllegalStateException("no Keycloak distribution at " + distribution
                    + ": unpack it once with ./mvnw -B -q -pl portal-web -am package -DskipTests");
        }
        return distribution.toAbsolutePath();
    }

    /** {@code citymaas.work}, else {@code .work} in the repository. */
    static Path work() {
        var configured = System.getProperty("citymaas.work");
        return configured != null ? Path.of(configured) : repository().resolve(".work");
    }

    /** {@code citymaas.realm.file}, else the repository's {@code docker/keycloak/citymaas-realm.json}. */
    static Path realmFile() {
        var configured = System.getProperty("citymaas.realm.file");
        return configured != null ? Path.of(configured) : repository().resolve(realmInRepository());
    }

    private static Path realmInRepository() {
        return Path.of("docker", "keycloak", "citymaas-realm.json");
    }

    private static Path repository() {
        for (var dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(realmInRepository()))) {
                return dir;
            }
        }
        throw new IllegalStateException(
                "not inside the CityMaaS repository: set citymaas.work and citymaas.realm.file");
    }

    /**
     * Runs {@code kc.sh build} unless the distribution already holds our build-time options. A file lock keeps
     * a dev run and a test JVM from building at the same time.
     */
    static synchronized void ensureBuilt(Path distribution) {
        if (isBuilt(distribution)) {
            return;
        }
        var lockFile = distribution.resolveSibling(distribution.getFileName() + ".build-lock");
        try (var channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                var lock = channel.lock()) {
            if (!isBuilt(distribution)) {
                build(distribution);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not build Keycloak in " + distribution, e);
        }
    }

    private static boolean isBuilt(Path distribution) {
        var jar = distribution.resolve("lib").resolve("quarkus").resolve("generated-bytecode.jar");
        if (!Files.isRegularFile(jar)) {
            return false;
        }
        try (var zip = new ZipFile(jar.toFile())) {
            var entry = zip.getEntry(PERSISTED_OPTIONS);
            if (entry == null) {
                return false;
            }
            var persisted = new Properties();
            try (var in = zip.getInputStream(entry)) {
                persisted.load(in);
            }
            return BUILD_OPTIONS.stream().allMatch(option -> {
                var nameAndValue = option.substring(2).split("=", 2);
                return nameAndValue[1].equals(persisted.getProperty("kc." + nameAndValue[0]));
            });
        } catch (IOException e) {
            return false;
        }
    }

    private static void build(Path distribution) throws IOException {
        var log = distribution.resolveSibling(distribution.getFileName() + "-build.log");
        System.out.printf("Keycloak: building %s %s once (about a minute), log %s%n", distribution, BUILD_OPTIONS, log);
        var command = new ArrayList<>(
                List.of(distribution.resolve("bin").resolve("kc.sh").toString(), "build"));
        command.addAll(BUILD_OPTIONS);
        var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        cleanEnvironment(builder);
        var process = builder.start();
        try {
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("kc.sh build did not finish in 10 minutes, log " + log);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while building Keycloak", e);
        }
        if (process.exitValue() != 0 || !isBuilt(distribution)) {
            throw new IllegalStateException("kc.sh build failed (exit " + process.exitValue() + "):\n"
                    + String.join("\n", Files.readAllLines(log)));
        }
    }

    /**
     * Makes {@code workDirectory} a Keycloak home of its own: {@code data/} and {@code conf/} are real
     * directories, {@code lib/}, {@code providers/} and {@code themes/} link to the distribution (Keycloak reads
     * its build from {@code <home>/lib/quarkus}). The realm file goes to {@code data/import}.
     *
     * @return the home, absolute
     */
    static Path prepareHome(Path distribution, Path workDirectory, Path realmFile) throws IOException {
        if (!Files.isRegularFile(realmFile)) {
            throw new IllegalStateException("no realm file at " + realmFile);
        }
        var home = Files.createDirectories(workDirectory).toAbsolutePath();
        for (var shared : List.of("lib", "providers", "themes")) {
            link(home.resolve(shared), distribution.resolve(shared).toAbsolutePath());
        }
        var conf = Files.createDirectories(home.resolve("conf"));
        var keycloakConf = conf.resolve("keycloak.conf");
        if (!Files.exists(keycloakConf)) {
            Files.writeString(keycloakConf, "# CityMaaS dev stack: every option is on KeycloakServer's command line\n");
        }
        var imports = Files.createDirectories(home.resolve("data").resolve("import"));
        try (Stream<Path> old = list(imports)) {
            for (var file : old.toList()) {
                Files.delete(file);
            }
        }
        Files.copy(realmFile, imports.resolve(realmFile.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        return home;
    }

    private static void link(Path link, Path target) throws IOException {
        if (Files.isSymbolicLink(link)) {
            if (Files.readSymbolicLink(link).equals(target)) {
                return;
            }
            Files.delete(link);
        }
        Files.createSymbolicLink(link, target);
    }

    /** Deletes a home's database and other data; its log stays. */
    static void deleteData(Path workDirectory) {
        var data = workDirectory.resolve("data");
        if (!Files.exists(data)) {
            return;
        }
        try (Stream<Path> files = Files.walk(data)) {
            for (var file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            System.out.printf("Keycloak: could not delete %s: %s%n", data, e);
        }
    }

    /**
     * Runs Keycloak on this JVM's Java and keeps the caller's Keycloak, Quarkus and JVM settings (a developer's
     * KC_DB, a build's JAVA_TOOL_OPTIONS) out of it.
     */
    static void cleanEnvironment(ProcessBuilder builder) {
        var environment = builder.environment();
        environment
                .keySet()
                .removeIf(name -> name.startsWith("KC_")
                        || name.startsWith("QUARKUS_")
                        || name.startsWith("JAVA_OPTS")
                        || name.equals("JAVA_ADD_OPENS")
                        || name.equals("JAVA_TOOL_OPTIONS")
                        || name.equals("JAVA"));
        environment.put("JAVA_HOME", System.getProperty("java.home"));
    }

    private static Stream<Path> list(Path dir) {
        try {
            return Files.isDirectory(dir) ? Files.list(dir) : Stream.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
