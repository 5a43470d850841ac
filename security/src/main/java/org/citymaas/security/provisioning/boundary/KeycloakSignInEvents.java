package org.citymaas.security.provisioning.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.citymaas.security.provisioning.control.AdminConnection;
import org.citymaas.security.provisioning.entity.SignInFailure;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.keycloak.admin.client.Keycloak;

/**
 * Keycloak's failed sign-ins, read from its event store through keycloak-admin-client as the realm's
 * provisioner client (role {@code view-events}); the realm stores events of the types in {@link #TYPES}.
 */
@ApplicationScoped
public class KeycloakSignInEvents {

    /** The refusals an auditor needs: wrong passwords, unknown users, bad client secrets, bad codes. */
    public static final List<String> TYPES = List.of("LOGIN_ERROR", "CLIENT_LOGIN_ERROR", "CODE_TO_TOKEN_ERROR");

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

    private Keycloak keycloak;

    @PostConstruct
    void connect() {
        keycloak = AdminConnection.open(serverUrl, realmName, provisionerClientId, provisionerSecret);
    }

    @PreDestroy
    void disconnect() {
        keycloak.close();
    }

    /**
     * The failed sign-ins from {@code since} (inclusive, millisecond precision) on, oldest first, at most
     * {@code max}.
     */
    public List<SignInFailure> since(Instant since, int max) {
        return keycloak
                .realm(realmName)
                .getEvents(
                        TYPES,
                        null,
                        null,
                        since.toEpochMilli(),
                        Instant.now().plusSeconds(60).toEpochMilli(),
                        null,
                        0,
                        max,
                        "asc")
                .stream()
                .map(e -> new SignInFailure(
                        e.getId(),
                        Instant.ofEpochMilli(e.getTime()),
                        e.getType(),
                        e.getError(),
                        e.getClientId(),
                        e.getUserId(),
                        e.getIpAddress()))
                .toList();
    }

    /** The user name of the account with this Keycloak id, if there is one. */
    public Optional<String> userName(String userId) {
        try {
            return Optional.ofNullable(keycloak.realm(realmName)
                    .users()
                    .get(userId)
                    .toRepresentation()
                    .getUsername());
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }
}
