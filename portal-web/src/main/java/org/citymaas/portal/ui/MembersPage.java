package org.citymaas.portal.ui;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.Validator;
import java.io.Serializable;
import java.util.List;
import org.citymaas.portal.errors.PortalException;
import org.citymaas.portal.members.boundary.MemberView;
import org.citymaas.portal.members.boundary.Memberships;
import org.citymaas.portal.members.boundary.NewMember;
import org.citymaas.portal.members.boundary.RoleChange;
import org.citymaas.portal.signin.CurrentCaller;
import org.citymaas.security.errors.SecurityModuleException;
import org.citymaas.tenant.departments.entity.TenantId;
import org.citymaas.tenant.errors.TenantException;

/**
 * The tenant admin's members page: the department's people with their role and last sign-in, a form that adds a new
 * account (its temporary password shown once) or an existing one, and per member promote, demote and remove.
 */
@Named
@ViewScoped
public class MembersPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient Memberships memberships;

    @Inject
    transient CurrentCaller currentCaller;

    @Inject
    transient Validator validator;

    private String username;
    private String email;
    private String name;
    private String existing;
    private String role = "staff";
    private transient List<MemberRow> rows;

    private TenantId department() {
        return currentCaller.get().tenant();
    }

    public String getDepartment() {
        return department().value();
    }

    public List<MemberRow> getRows() {
        if (rows == null) {
            rows = memberships.list(department()).stream().map(MemberRow::new).toList();
        }
        return rows;
    }

    public void addNew() {
        add(new NewMember(blankToNull(username), blankToNull(email), blankToNull(name), null, role));
    }

    public void addExisting() {
        add(new NewMember(null, null, null, blankToNull(existing), role));
    }

    private void add(NewMember request) {
        if (!FormMessages.fields("members", "members", validator.validate(request))) {
            return;
        }
        try {
            var added = memberships.add(department(), request, currentCaller.get());
            var member = added.member();
            if (added.temporaryPassword() != null) {
                FormMessages.info("members.added.new", added.temporaryPassword(), member.username());
            } else {
                FormMessages.info("members.added.existing", "", member.username());
            }
            username = email = name = existing = null;
            rows = null;
        } catch (PortalException | SecurityModuleException | TenantException e) {
            FormMessages.error("members.failed", e.getMessage());
        }
    }

    public void promote(String member) {
        changeRole(member, "tenant-admin");
    }

    public void demote(String member) {
        changeRole(member, "staff");
    }

    private void changeRole(String member, String newRole) {
        try {
            MemberView changed =
                    memberships.changeRole(department(), member, new RoleChange(newRole), currentCaller.get());
            FormMessages.info("members.role.changed", "", changed.username());
            rows = null;
        } catch (PortalException | SecurityModuleException | TenantException e) {
            FormMessages.error("members.failed", e.getMessage());
        }
    }

    public void remove(String member) {
        try {
            memberships.remove(department(), member, currentCaller.get());
            FormMessages.info("members.removed", "", member);
            rows = null;
        } catch (PortalException | SecurityModuleException | TenantException e) {
            FormMessages.error("members.failed", e.getMessage());
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getExisting() {
        return existing;
    }

    public void setExisting(String existing) {
        this.existing = existing;
    }

    public String getRole() {
        return role;
    }

    public void setRole(String role) {
        this.role = role;
    }
}
