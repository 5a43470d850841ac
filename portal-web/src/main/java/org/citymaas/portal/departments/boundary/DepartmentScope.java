package org.citymaas.portal.departments.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.citymaas.security.identity.entity.Caller;
import org.citymaas.security.identity.entity.Role;
import org.citymaas.tenant.departments.boundary.Departments;
import org.citymaas.tenant.departments.entity.TenantId;
import org.citymaas.tenant.errors.DepartmentNotFoundException;

/**
 * Which department an administrative request may act on: a platform admin any existing one, a tenant admin only
 * their own (any other answers as unknown, 404, so that departments cannot find out about each other).
 */
@ApplicationScoped
public class DepartmentScope {

    @Inject
    Departments departments;

    /** The department named in the path, once the caller may administer it. */
    public TenantId administered(String id, Caller caller) {
        var tenant = DepartmentIds.parse(id);
        if (caller.has(Role.PLATFORM_ADMIN)) {
            departments.get(tenant);
            return tenant;
        }
        if (caller.has(Role.TENANT_ADMIN) && caller.department().isPresent() && tenant.equals(caller.tenant())) {
            return tenant;
        }
        throw new DepartmentNotFoundException(tenant);
    }
}
