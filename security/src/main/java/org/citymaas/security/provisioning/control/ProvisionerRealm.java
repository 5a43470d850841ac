package org.citymaas.security.provisioning.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;

/** The realm, reached through keycloak-admin-client as the provisioner client, for the departments' self-service. */
@ApplicationScoped
public class ProvisionerRealm {

    @Inject
    @ConfigProperty(name = "citymaas.keycloak.url")
    String serverUrl;

    @Inject
    @ConfigProperty(name = "citymaas.keycloak.realm", defaultValue = "citymaas")
    String realmName;

    @Inject
    @ConfigProperty(name = "citymaas.keycloak.provisioner.client-id", defaultValue = "citymaas-provisioner")
    String provisionerClientId;

    @Inject
    @ConfigProperty(name = "citymaas.keycloak.provisioner.secret")
    String provisionerSecret;

    @Inject
    @ConfigProperty(name = "citymaas.api.audience", defaultValue = "citymaas-api")
    String apiAudience;

    private Keycloak keycloak;

    @PostConstruct
    void connect() {
        keycloak = AdminConnection.open(serverUrl, realmName, provisionerClientId, provisionerSecret);
    }

    @PreDestroy
    void disconnect() {
        keycloak.close();
    }

    public RealmResource realm() {
        return keycloak.realm(realmName);
    }

    /** The audience the API checks, which every API client's tokens must carry. */
    public String apiAudience() {
        return apiAudience;
    }
}
