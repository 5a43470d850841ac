package org.citymaas.portal.devstack;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.citymaas.db.embedded.EmbeddedDatabase;
import org.citymaas.db.migration.Migrations;

/**
 * The portal's settings (system properties) for a dev or test stack: the embedded PostgreSQL, the
 * Keycloak server and the demo realm's DEMO-ONLY secrets. Production sets the same names through
 * environment variables (docker/README.md).
 */
public final class PortalSettings {

    private PortalSettings() {}

    /** The checkout's work folder (caches, keys and data of dev and test runs; never committed). */
    static Path work() {
        return Path.of(System.getProperty("citymaas.work", ".work")).toAbsolutePath();
    }

    /**
     * The JVM options TensorFlow needs in the portal's JVM: offline DJL and the JavaCPP/DJL caches, shared
     * with model-runtime's build ({@code citymaas.runtime.cache}, default {@code <work>/model-runtime-cache}).
     */
    public static List<String> runtimeJvmOptions() {
        var cache = Path.of(System.getProperty(
                        "citymaas.runtime.cache",
                        work().resolve("model-runtime-cache").toString()))
                .toAbsolutePath();
        return List.of(
                "-Dai.djl.offline=true",
                "-Dorg.bytedeco.javacpp.cachedir=" + cache.resolve("javacpp"),
                "-DDJL_CACHE_DIR=" + cache.resolve("djl"),
                "-Dai.djl.tensorflow.num_interop_threads=-1",
                "-Dai.djl.tensorflow.num_intraop_threads=1");
    }

    /**
     * The settings of a stack.
     *
     * @param publishedCheckpoints where the audit checkpoints of this database are published: they
     *     belong to its chain, so a new database needs a new folder
     */
    public static Map<String, String> of(
            EmbeddedDatabase database, KeycloakServer keycloak, boolean demoData, Path publishedCheckpoints) {
        var settings = new LinkedHashMap<String, String>();
        settings.put("citymaas.db.url", database.jdbcUrl());
        settings.put("citymaas.db.user", Migrations.DEFAULT_APP_ROLE);
        // the dev run's server checks these (generated, kept with its data); the tests' one trusts loopback
        settings.put("citymaas.db.password", database.password(Migrations.DEFAULT_APP_ROLE));
        settings.put("citymaas.db.owner.user", database.ownerUser());
        settings.put("citymaas.db.owner.password", database.password(database.ownerUser()));
        settings.put("citymaas.demo", String.valueOf(demoData));
        settings.put("citymaas.oidc.issuer", keycloak.issuer());
        settings.put("citymaas.oidc.client-id", KeycloakDemoRealm.PORTAL_CLIENT);
        settings.put("citymaas.oidc.client-secret", KeycloakDemoRealm.PORTAL_SECRET);
        settings.put("citymaas.keycloak.url", keycloak.baseUrl());
        settings.put("citymaas.keycloak.realm", KeycloakDemoRealm.REALM);
        settings.put("citymaas.keycloak.provisioner.client-id", KeycloakDemoRealm.PROVISIONER_CLIENT);
        settings.put("citymaas.keycloak.provisioner.secret", KeycloakDemoRealm.PROVISIONER_SECRET);
        settings.put("citymaas.api.audience", KeycloakDemoRealm.API_AUDIENCE);
        var work = work();
        settings.put("citymaas.audit.key-directory", work.resolve("audit-keys").toString());
        settings.put(
                "citymaas.audit.published-directory",
                publishedCheckpoints.toAbsolutePath().toString());
        settings.put(
                "citymaas.runtime.catalog-cache", work.resolve("portal-catalog").toString());
        // the model repository of the dev run (the test stack replaces it with a temporary folder)
        settings.put("citymaas.models.directory", work.resolve("dev/models").toString());
        // DEMO-ONLY masking secret (base64 of 32 fixed bytes): production sets CITYMAAS_MASKING_MASTER_SECRET
        settings.put("citymaas.masking.master-secret", "ZGVtby1vbmx5LWNpdHltYWFzLW1hc2tpbmctc2VjcmV0IQ==");
        return settings;
    }
}
