package org.citymaas.portal.members.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.regex.Pattern;
import org.citymaas.portal.audit.boundary.AuditTrail;
import org.citymaas.portal.configuration.DatabaseLocks;
import org.citymaas.portal.errors.InvalidParameterException;
import org.citymaas.portal.errors.LastTenantAdminException;
import org.citymaas.security.identity.entity.Caller;
import org.citymaas.security.provisioning.boundary.KeycloakMembers;
import org.citymaas.security.provisioning.entity.DepartmentMember;
import org.citymaas.security.provisioning.entity.MemberRole;
import org.citymaas.tenant.departments.entity.TenantId;

/**
 * A department's members, kept in Keycloak: listed, added, their role changed, removed. Every change is audited
 * (actor, department, the member's user name and the change; never a password). A demotion or removal takes a
 * database advisory lock per department first, so that of two concurrent changes only one can take the last tenant
 * admin's role away, whichever portal instance runs them.
 */
@ApplicationScoped
public class Memberships {

    private static final long LOCK_BASE = 0x4d454d4245520000L;
    private static final Pattern PRINTABLE = Pattern.compile("[\\x21-\\x7e]{1,254}");

    @Inject
    KeycloakMembers keycloak;

    @Inject
    AuditTrail audit;

    @Inject
    DatabaseLocks locks;

    public List<MemberView> list(TenantId department) {
        return keycloak.list(department).stream().map(MemberView::of).toList();
    }

    @Transactional
    public AddedMemberView add(TenantId department, NewMember request, Caller by) {
        var role = MemberRole.of(request.role()).orElseThrow();
        var existing = request.existing() != null;
        if (existing == (request.username() != null)) {
            throw new InvalidParameterException(
                    "username", "give either username, email and name (a new account) or existing (an account)");
        }
        if (!existing && request.email() == null) {
            throw new InvalidParameterException("email", "is required for a new account");
        }
        if (!existing && request.name() == null) {
            throw new InvalidParameterException("name", "is required for a new account");
        }
        var added = existing
                ? keycloak.addExisting(department, request.existing(), role)
                : keycloak.addNew(
                        department,
                        request.username(),
                        request.email(),
                        request.name().strip(),
                        role);
        audited(
                department,
                by,
                "member.add",
                201,
                added.member(),
                (existing ? "existing" : "new") + " account as " + role.wireName());
        return new AddedMemberView(MemberView.of(added.member()), added.temporaryPassword());
    }

    @Transactional
    public MemberView changeRole(TenantId department, String username, RoleChange change, Caller by) {
        var role = MemberRole.of(change.role()).orElseThrow();
        locks.lockForTransaction(LOCK_BASE + Math.abs(department.value().hashCode() % 0xffff), true);
        var before = keycloak.get(department, username);
        if (before.role() == MemberRole.TENANT_ADMIN && role == MemberRole.STAFF) {
            requireAnotherAdmin(department, username);
        }
        var after = keycloak.changeRole(department, username, role);
        audited(
                department,
                by,
                "member.role",
                200,
                after,
                "role " + before.role().wireName() + " -> " + role.wireName());
        return MemberView.of(after);
    }

    @Transactional
    public void remove(TenantId department, String username, Caller by) {
        locks.lockForTransaction(LOCK_BASE + Math.abs(department.value().hashCode() % 0xffff), true);
        var member = keycloak.get(department, username);
        if (member.role() == MemberRole.TENANT_ADMIN) {
            requireAnotherAdmin(department, username);
        }
        keycloak.remove(department, username);
        audited(
                department,
                by,
                "member.remove",
                204,
                member,
                "removed, was " + member.role().wireName());
    }

    private void requireAnotherAdmin(TenantId department, String username) {
        var others = keycloak.list(department).stream()
                .filter(m ->
                        m.role() == MemberRole.TENANT_ADMIN && !m.username().equals(username))
                .count();
        if (others == 0) {
            throw new LastTenantAdminException(department.value(), username);
        }
    }

    private void audited(
            TenantId department, Caller by, String action, int status, DepartmentMember member, String what) {
        var name =
                PRINTABLE.matcher(member.username()).matches() ? member.username() : "keycloak-id:" + member.userId();
        audit.append(AuditTrail.by(by)
                .tenant(department)
                .action(action)
                .resource("tenants/" + department + "/members")
                .outcome("OK", status)
                .summary("member " + name + ": " + what)
                .build());
    }
}
