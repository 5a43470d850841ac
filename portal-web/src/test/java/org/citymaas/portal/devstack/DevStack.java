package org.citymaas.portal.devstack;

import java.nio.file.Path;
import org.citymaas.db.embedded.EmbeddedDatabase;

/**
 * The dev run: an embedded PostgreSQL, Keycloak with the demo realm and Payara Micro with the portal,
 * their data kept under {@code .work/dev} between runs; Ctrl-C stops all three.
 */
public final class DevStack {

    private static final int DATABASE_PORT = 15432;
    private static final int PORTAL_PORT = 8080;

    private DevStack() {}

    public static void main(String[] args) throws InterruptedException {
        var work = Path.of(System.getProperty("citymaas.work", ".work")).toAbsolutePath();
        var war = Path.of(System.getProperty("citymaas.war", "portal-web/target/citymaas.war"));
        var payaraJar = work.resolve("payara-micro.jar");
        var started = System.nanoTime();

        // whatever has started is stopped on Ctrl-C, also while the next part is still starting
        var running = new java.util.ArrayDeque<AutoCloseable>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("[citymaas] Stopping...");
            while (!running.isEmpty()) {
                try {
                    running.pop().close();
                } catch (Exception e) {
                    System.err.println("[citymaas] could not stop cleanly: " + e);
                }
            }
            System.out.println("[citymaas] Stopped. Data kept in " + work.resolve("dev"));
        }));

        step("Starting PostgreSQL (data in " + work.resolve("dev/postgres") + ")");
        var database = EmbeddedDatabase.startDurable(DATABASE_PORT, work.resolve("dev/postgres"));
        running.push(database);
        step("PostgreSQL is up on port " + database.port() + " (crash-safe; passwords in "
                + work.resolve("dev/postgres").resolve(EmbeddedDatabase.CREDENTIALS_FILE) + ")");

        step("Starting Keycloak (the first start imports the citymaas realm and takes longest)");
        var keycloak = KeycloakServer.start(KeycloakServer.Options.forDevRun());
        running.push(keycloak);
        step("Keycloak is up at " + keycloak.baseUrl() + " (admin console: admin / admin-demo)");

        step("Starting Payara Micro with the portal (migrations run at start)");
        var portal = PayaraServer.launch(
                payaraJar,
                war,
                PORTAL_PORT,
                work.resolve("dev/payara"),
                PortalSettings.of(database, keycloak, true, work.resolve("dev/published-checkpoints")));
        running.push(portal);
        portal.awaitReady();

        System.out.printf(
                "%nCityMaaS is ready in %d s: %s/%n%n",
                (System.nanoTime() - started) / 1_000_000_000, portal.baseUrl());
        System.out.println("Demo sign-ins (demo only; every password is the user name followed by -demo):");
        System.out.printf("  %-20s %-22s %s%n", "user", "password", "department / roles");
        for (var department : KeycloakDemoRealm.DEPARTMENTS) {
            var staff = KeycloakDemoRealm.staff(department);
            var admin = KeycloakDemoRealm.tenantAdmin(department);
            System.out.printf("  %-20s %-22s %s%n", staff, KeycloakDemoRealm.password(staff), department + " / staff");
            System.out.printf(
                    "  %-20s %-22s %s%n", admin, KeycloakDemoRealm.password(admin), department + " / tenant-admin");
        }
        System.out.printf("  %-20s %-22s %s%n", "platform-admin", "platform-admin-demo", "- / platform-admin");
        System.out.printf(
                "  %-20s %-22s %s%n", "platform-admin-2", "platform-admin-2-demo", "- / platform-admin (second)");
        System.out.printf("  %-20s %-22s %s%n", "auditor", "auditor-demo", "- / auditor");
        System.out.println("API: service accounts <department>-api, secret <department>-api-demo-secret.");
        System.out.println("Logs: " + portal.log() + " and " + keycloak.log() + ". Press Ctrl-C to stop.");
        Thread.currentThread().join();
    }

    private static void step(String text) {
        System.out.println("[citymaas] " + text);
    }
}
