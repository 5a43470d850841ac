package org.citymaas.security.provisioning.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.citymaas.security.identity.entity.Role;
import org.citymaas.security.provisioning.control.ProvisionerRealm;
import org.citymaas.security.provisioning.control.RealmParts;
import org.citymaas.security.provisioning.entity.AddedMember;
import org.citymaas.security.provisioning.entity.DepartmentMember;
import org.citymaas.security.provisioning.entity.DirectoryRefusal;
import org.citymaas.security.provisioning.entity.MemberRole;
import org.citymaas.tenant.departments.entity.TenantId;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.representations.idm.UserSessionRepresentation;

/**
 * The people of a department in Keycloak (the members of its group, service accounts left out), changed through
 * keycloak-admin-client as the realm's provisioner client. Keycloak is where membership and roles live; the
 * caller checks who may change what (and keeps the last tenant admin).
 */
@ApplicationScoped
public class KeycloakMembers {

    /** The most members one department lists. */
    public static final int MAX_MEMBERS = 1000;

    private static final Set<String> PLATFORM_ROLES =
            Set.of(Role.PLATFORM_ADMIN.roleName(), Role.AUDITOR.roleName(), Role.FINANCE.roleName());

    @Inject
    ProvisionerRealm provisioner;

    /** The department's people by user name, with their role and the start of their newest open session. */
    public List<DepartmentMember> list(TenantId tenant) {
        var realm = provisioner.realm();
        var group = group(realm, tenant);
        var admins = realm.roles().get(Role.TENANT_ADMIN.roleName()).getUserMembers(true, 0, 100_000).stream()
                .map(UserRepresentation::getId)
                .collect(Collectors.toSet());
        return realm.groups().group(group.getId()).members(0, MAX_MEMBERS, true).stream()
                .filter(u -> !u.getUsername().startsWith(RealmParts.SERVICE_ACCOUNT_PREFIX))
                .map(u -> member(realm, u, admins.contains(u.getId()) ? MemberRole.TENANT_ADMIN : MemberRole.STAFF))
                .sorted(Comparator.comparing(DepartmentMember::username))
                .toList();
    }

    /** A new Keycloak account in the department, with a temporary password it must change at first sign-in. */
    public AddedMember addNew(TenantId tenant, String username, String email, String displayName, MemberRole role) {
        var realm = provisioner.realm();
        group(realm, tenant);
        if (!realm.users().searchByUsername(username, true).isEmpty()) {
            throw DirectoryRefusal.conflict("Keycloak already has a user named " + username
                    + "; add the existing user instead of creating one");
        }
        var password = RealmParts.temporaryPassword();
        String userId;
        try (var response =
                realm.users().create(RealmParts.newPerson(tenant, username, email, displayName, password))) {
            if (response.getStatus() == 409) {
                throw DirectoryRefusal.conflict("Keycloak already has a user with this user name or e-mail address");
            }
            RealmParts.requireCreated(response);
            userId = CreatedResponseUtil.getCreatedId(response);
        }
        try {
            RealmParts.grantRoles(realm, userId, role.realmRoles());
        } catch (RuntimeException e) {
            realm.users().delete(userId).close();
            throw e;
        }
        return new AddedMember(get(realm, tenant, username), password);
    }

    /**
     * An existing Keycloak account, found by exact user name or e-mail address, joins the department.
     *
     * @throws DirectoryRefusal not found; or it belongs to a department already, or is a platform account
     */
    public AddedMember addExisting(TenantId tenant, String usernameOrEmail, MemberRole role) {
        var realm = provisioner.realm();
        var group = group(realm, tenant);
        var found = realm.users().searchByUsername(usernameOrEmail, true);
        if (found.isEmpty() && usernameOrEmail.contains("@")) {
            found = realm.users().searchByEmail(usernameOrEmail, true);
        }
        if (found.size() != 1) {
            throw DirectoryRefusal.notFound("Keycloak has no user with this user name or e-mail address");
        }
        var user = realm.users().get(found.get(0).getId());
        var representation = user.toRepresentation();
        if (representation.getUsername().startsWith(RealmParts.SERVICE_ACCOUNT_PREFIX)) {
            throw DirectoryRefusal.notFound("Keycloak has no user with this user name or e-mail address");
        }
        if (user.groups().stream().map(GroupRepresentation::getPath).anyMatch(p -> p.startsWith("/departments/"))
                || representation.getAttributes() != null
                        && representation.getAttributes().containsKey("tenant")) {
            throw DirectoryRefusal.conflict(
                    "user " + representation.getUsername() + " already belongs to a department (this one or another)");
        }
        if (user.roles().realmLevel().listAll().stream().anyMatch(r -> PLATFORM_ROLES.contains(r.getName()))) {
            throw DirectoryRefusal.conflict("user " + representation.getUsername()
                    + " is a platform account (platform admin, auditor or finance) and cannot join a department");
        }
        var attributes = representation.getAttributes() == null
                ? new HashMap<String, List<String>>()
                : new HashMap<>(representation.getAttributes());
        attributes.put("tenant", List.of(tenant.value()));
        representation.setAttributes(attributes);
        user.update(representation);
        user.joinGroup(group.getId());
        RealmParts.grantRoles(realm, representation.getId(), role.realmRoles());
        return new AddedMember(get(realm, tenant, representation.getUsername()), null);
    }

    /** Makes a member staff or tenant admin; answers the member as now held. */
    public DepartmentMember changeRole(TenantId tenant, String username, MemberRole role) {
        var realm = provisioner.realm();
        var member = get(realm, tenant, username);
        if (role == MemberRole.TENANT_ADMIN) {
            RealmParts.grantRoles(realm, member.userId(), Role.TENANT_ADMIN, Role.STAFF);
        } else {
            RealmParts.revokeRoles(realm, member.userId(), Role.TENANT_ADMIN);
            RealmParts.grantRoles(realm, member.userId(), Role.STAFF);
        }
        return get(realm, tenant, username);
    }

    /**
     * Takes a member out of the department: out of its group, without its tenant, staff and tenant-admin roles, and
     * signed out of Keycloak. The account itself stays (it may join another department).
     */
    public DepartmentMember remove(TenantId tenant, String username) {
        var realm = provisioner.realm();
        var member = get(realm, tenant, username);
        var user = realm.users().get(member.userId());
        user.leaveGroup(group(realm, tenant).getId());
        RealmParts.revokeRoles(realm, member.userId(), Role.TENANT_ADMIN, Role.STAFF);
        var representation = user.toRepresentation();
        if (representation.getAttributes() != null) {
            var attributes = new HashMap<>(representation.getAttributes());
            attributes.remove("tenant");
            representation.setAttributes(attributes);
            user.update(representation);
        }
        user.logout();
        return member;
    }

    /** One member of the department by user name. */
    public DepartmentMember get(TenantId tenant, String username) {
        return get(provisioner.realm(), tenant, username);
    }

    private DepartmentMember get(RealmResource realm, TenantId tenant, String username) {
        var found = realm.users().searchByUsername(username, true);
        if (found.size() != 1 || username.startsWith(RealmParts.SERVICE_ACCOUNT_PREFIX)) {
            throw notAMember(tenant, username);
        }
        var user = realm.users().get(found.get(0).getId());
        var path = RealmParts.groupPath(tenant);
        if (user.groups().stream().noneMatch(g -> path.equals(g.getPath()))) {
            throw notAMember(tenant, username);
        }
        var admin = user.roles().realmLevel().listAll().stream()
                .anyMatch(r -> Role.TENANT_ADMIN.roleName().equals(r.getName()));
        return member(realm, found.get(0), admin ? MemberRole.TENANT_ADMIN : MemberRole.STAFF);
    }

    private static DirectoryRefusal notAMember(TenantId tenant, String username) {
        return DirectoryRefusal.notFound(username + " is not a member of department " + tenant);
    }

    private static GroupRepresentation group(RealmResource realm, TenantId tenant) {
        try {
            return realm.getGroupByPath(RealmParts.groupPath(tenant));
        } catch (jakarta.ws.rs.NotFoundException e) {
            throw DirectoryRefusal.notFound("Keycloak has no group for department " + tenant);
        }
    }

    private static DepartmentMember member(RealmResource realm, UserRepresentation user, MemberRole role) {
        var lastSignIn = realm.users().get(user.getId()).getUserSessions().stream()
                .map(UserSessionRepresentation::getStart)
                .max(Long::compare)
                .map(Instant::ofEpochMilli)
                .orElse(null);
        var name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                        + (user.getLastName() == null ? "" : user.getLastName()))
                .strip();
        return new DepartmentMember(
                user.getId(),
                user.getUsername(),
                user.getEmail(),
                name,
                role,
                Boolean.TRUE.equals(user.isEnabled()),
                lastSignIn);
    }
}
