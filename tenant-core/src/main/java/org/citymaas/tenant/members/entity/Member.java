package org.citymaas.tenant.members.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.citymaas.tenant.departments.entity.TenantId;

/**
 * A person of a department known to CityMaaS. The row belongs to its department: Hibernate's tenant
 * discriminator, mapped on {@code tenantId} in the portal's {@code META-INF/orm.xml} (the vendor
 * seam), fills it on insert and keeps other departments from ever reading it.
 */
@Entity
@Table(name = "member")
public class Member {

    @Id
    private UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    private String tenantId;

    @Column(nullable = false, updatable = false)
    private String username;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    private String email;

    @Column(nullable = false)
    private String roles;

    @Column(name = "keycloak_user_id")
    private String keycloakUserId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Member() {}

    public Member(
            String username, String displayName, String email, List<String> roles, String keycloakUserId, Instant now) {
        this.id = UUID.randomUUID();
        this.username = Objects.requireNonNull(username);
        this.displayName = Objects.requireNonNull(displayName);
        this.email = email;
        this.roles = String.join(",", roles);
        this.keycloakUserId = keycloakUserId;
        this.createdAt = now;
    }

    public UUID id() {
        return id;
    }

    public TenantId tenant() {
        return tenantId == null ? null : new TenantId(tenantId);
    }

    public String username() {
        return username;
    }

    public String displayName() {
        return displayName;
    }

    public Optional<String> email() {
        return Optional.ofNullable(email);
    }

    public List<String> roles() {
        return roles.isEmpty() ? List.of() : List.of(roles.split(","));
    }

    public Optional<String> keycloakUserId() {
        return Optional.ofNullable(keycloakUserId);
    }

    public Instant createdAt() {
        return createdAt;
    }
}
