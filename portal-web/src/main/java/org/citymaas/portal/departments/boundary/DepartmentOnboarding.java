package org.citymaas.portal.departments.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.TransactionalException;
import java.time.Clock;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.citymaas.security.identity.entity.Role;
import org.citymaas.security.provisioning.boundary.KeycloakDirectory;
import org.citymaas.security.provisioning.entity.DepartmentAccount;
import org.citymaas.tenant.context.boundary.TenantContext;
import org.citymaas.tenant.departments.boundary.Departments;
import org.citymaas.tenant.departments.entity.TenantId;
import org.citymaas.tenant.errors.DuplicateDepartmentException;
import org.citymaas.tenant.members.boundary.Members;
import org.citymaas.tenant.members.entity.Member;

/**
 * Creates a department as one all-or-nothing step across the database and Keycloak: the row is
 * reserved first (so two requests for one id cannot both proceed), then Keycloak's side is created;
 * if Keycloak fails, what it had made is undone and the row is removed again.
 */
@ApplicationScoped
public class DepartmentOnboarding {

    private static final Logger LOG = Logger.getLogger(DepartmentOnboarding.class.getName());

    @Inject
    Departments departments;

    @Inject
    Members members;

    @Inject
    KeycloakDirectory keycloak;

    @Inject
    TenantContext tenantContext;

    private final Clock clock = Clock.systemUTC();

    public CreatedDepartment create(NewDepartment request) {
        var tenant = new TenantId(request.id());
        reserve(tenant, request);
        var account = new DepartmentAccount(
                tenant,
                request.nameZh().strip(),
                request.nameEn().strip(),
                request.adminUsername(),
                request.adminEmail(),
                request.adminName().strip());
        try {
            var provisioned = keycloak.provision(account);
            var department = departments.activate(tenant, provisioned.groupId(), provisioned.apiClientId());
            recordAdmin(tenant, request, provisioned.adminUserId());
            return new CreatedDepartment(
                    DepartmentView.of(department),
                    provisioned.adminUsername(),
                    provisioned.adminTemporaryPassword(),
                    provisioned.apiClientId(),
                    provisioned.apiClientSecret());
        } catch (RuntimeException e) {
            departments.abandon(tenant);
            throw e;
        }
    }

    private void reserve(TenantId tenant, NewDepartment request) {
        try {
            departments.reserve(tenant, request.nameZh(), request.nameEn());
        } catch (PersistenceException | TransactionalException e) {
            // lost a race for the same id: the unique constraint said no
            if (departments.find(tenant).isPresent()) {
                throw new DuplicateDepartmentException(tenant);
            }
            throw e;
        }
    }

    private void recordAdmin(TenantId tenant, NewDepartment request, String keycloakUserId) {
        var before = tenantContext.isPlatformWide();
        tenantContext.actFor(tenant);
        try {
            members.add(new Member(
                    request.adminUsername(),
                    request.adminName().strip(),
                    request.adminEmail(),
                    List.of(Role.TENANT_ADMIN.roleName(), Role.STAFF.roleName()),
                    keycloakUserId,
                    clock.instant()));
        } catch (RuntimeException e) {
            // the department works without the local record; Keycloak holds the account
            LOG.log(Level.WARNING, "could not record the first admin of " + tenant, e);
        } finally {
            if (before) {
                tenantContext.actPlatformWide();
            }
        }
    }
}
