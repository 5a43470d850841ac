package org.citymaas.portal.departments.boundary;

import org.citymaas.tenant.departments.entity.TenantId;
import org.citymaas.tenant.errors.DepartmentNotFoundException;

/** A department's id as a caller wrote it in a path, a query or a page parameter. */
public final class DepartmentIds {

    private DepartmentIds() {}

    /**
     * The id, checked by {@link TenantId}'s own rule.
     *
     * @throws DepartmentNotFoundException text no department can have: it answers as an unknown one
     */
    public static TenantId parse(String text) {
        if (!TenantId.isValid(text)) {
            throw DepartmentNotFoundException.named(text);
        }
        return new TenantId(text);
    }
}
