package org.citymaas.tenant.departments.entity;

/** Where a department stands in its life. */
public enum DepartmentStatus {
    /** The row exists while its Keycloak side is being created; nobody can sign in yet. */
    PROVISIONING,
    ACTIVE,
    SUSPENDED
}
