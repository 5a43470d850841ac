package org.citymaas.tenant.departments.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.citymaas.tenant.errors.DepartmentStateException;

/** A city department: one tenant of CityMaaS. Its people and credentials live in Keycloak. */
@Entity
@Table(name = "department")
public class Department {

    @Id
    private UUID id;

    @Column(nullable = false, unique = true, updatable = false)
    private String slug;

    @Column(name = "name_zh", nullable = false)
    private String nameZh;

    @Column(name = "name_en", nullable = false)
    private String nameEn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DepartmentStatus status;

    @Column(name = "keycloak_group_id")
    private String keycloakGroupId;

    @Column(name = "api_client_id")
    private String apiClientId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Department() {}

    /** A department whose Keycloak side is still to be created. */
    public static Department provisioning(TenantId tenant, String nameZh, String nameEn, Instant now) {
        var department = new Department();
        department.id = UUID.randomUUID();
        department.slug = tenant.value();
        department.nameZh = requireText(nameZh, "Chinese name");
        department.nameEn = requireText(nameEn, "English name");
        department.status = DepartmentStatus.PROVISIONING;
        department.createdAt = now;
        return department;
    }

    private static String requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("the department's " + what + " is required");
        }
        return value.strip();
    }

    /** Records the Keycloak side once it exists; the department can be used from now on. */
    public void activate(String keycloakGroupId, String apiClientId) {
        if (status != DepartmentStatus.PROVISIONING) {
            throw new IllegalStateException("department " + slug + " is already " + status);
        }
        this.keycloakGroupId = Objects.requireNonNull(keycloakGroupId);
        this.apiClientId = Objects.requireNonNull(apiClientId);
        this.status = DepartmentStatus.ACTIVE;
    }

    /** Closes the department to its members and clients until it is reactivated. */
    public void suspend() {
        if (status != DepartmentStatus.ACTIVE) {
            throw new DepartmentStateException(
                    "department " + slug + " is " + status + ", not ACTIVE: it cannot be suspended");
        }
        this.status = DepartmentStatus.SUSPENDED;
    }

    /** Opens a suspended department again. */
    public void reactivate() {
        if (status != DepartmentStatus.SUSPENDED) {
            throw new DepartmentStateException(
                    "department " + slug + " is " + status + ", not SUSPENDED: it cannot be reactivated");
        }
        this.status = DepartmentStatus.ACTIVE;
    }

    public UUID id() {
        return id;
    }

    public TenantId tenantId() {
        return new TenantId(slug);
    }

    public String nameZh() {
        return nameZh;
    }

    public String nameEn() {
        return nameEn;
    }

    public DepartmentStatus status() {
        return status;
    }

    public Optional<String> keycloakGroupId() {
        return Optional.ofNullable(keycloakGroupId);
    }

    public Optional<String> apiClientId() {
        return Optional.ofNullable(apiClientId);
    }

    public Instant createdAt() {
        return createdAt;
    }
}
