package org.citymaas.portal.devstack;

import java.util.LinkedHashMap;
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

    public static Map<String, String> of(EmbeddedDatabase database, KeycloakServer keycloak, boolean demoData) {
        var settings = new LinkedHashMap<String, String>();
        settings.put("citymaas.db.url", database.jdbcUrl());
        settings.put("citymaas.db.user", Migrations.DEFAULT_APP_ROLE);
        // the embedded server trusts local connections; a real one checks these
        settings.put("citymaas.db.password", "embedded");
        settings.put("citymaas.db.owner.user", database.ownerUser());
        settings.put("citymaas.db.owner.password", "embedded");
        settings.put("citymaas.demo", String.valueOf(demoData));
        settings.put("citymaas.oidc.issuer", keycloak.issuer());
        settings.put("citymaas.oidc.client-id", KeycloakDemoRealm.PORTAL_CLIENT);
        settings.put("citymaas.oidc.client-secret", KeycloakDemoRealm.PORTAL_SECRET);
        settings.put("citymaas.keycloak.url", keycloak.baseUrl());
        settings.put("citymaas.keycloak.realm", KeycloakDemoRealm.REALM);
        settings.put("citymaas.keycloak.provisioner.client-id", KeycloakDemoRealm.PROVISIONER_CLIENT);
        settings.put("citymaas.keycloak.provisioner.secret", KeycloakDemoRealm.PROVISIONER_SECRET);
        settings.put("citymaas.api.audience", KeycloakDemoRealm.API_AUDIENCE);
        return settings;
    }
}
