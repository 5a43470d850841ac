package org.citymaas.tenant.errors;

import org.citymaas.tenant.departments.entity.TenantId;

/** No department with this id (or none the caller may see). */
public class DepartmentNotFoundException extends TenantException {

    public DepartmentNotFoundException(TenantId tenant) {
        this(String.valueOf(tenant));
    }

    private DepartmentNotFoundException(String named) {
        super("no department '" + named + "'");
    }

    /**
     * No department for text a caller named (in a path, a query or a page) that no department can
     * have: such text is never a {@link TenantId}, and it answers as an unknown department does.
     */
    public static DepartmentNotFoundException named(String text) {
        return new DepartmentNotFoundException(text);
    }
}
