package org.citymaas.tenant.errors;

import org.citymaas.tenant.departments.entity.TenantId;

/** A department with this id already exists. */
public class DuplicateDepartmentException extends TenantException {

    private final TenantId tenant;

    public DuplicateDepartmentException(TenantId tenant) {
        super("a department with the id '" + tenant + "' already exists");
        this.tenant = tenant;
    }

    public TenantId tenant() {
        return tenant;
    }
}
