package org.citymaas.portal.ui;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.citymaas.portal.me.Whoami;

/** The signed-in person's home page: who they are, their department and roles. */
@Named
@RequestScoped
public class HomePage {

    @Inject
    Whoami whoami;

    @Inject
    Language language;

    public String getDisplayName() {
        return whoami.current().displayName();
    }

    public String getAccount() {
        return whoami.current().name();
    }

    public String getKind() {
        return whoami.current().kind();
    }

    public boolean isInDepartment() {
        return whoami.current().department() != null;
    }

    /** The department's name in the page's language. */
    public String getDepartmentName() {
        var department = whoami.current().department();
        return department == null ? "" : language.name(department.nameZh(), department.nameEn());
    }

    public String getDepartmentId() {
        var department = whoami.current().department();
        return department == null ? "" : department.id();
    }

    public List<String> getRoles() {
        return whoami.current().roles();
    }

    public boolean has(String role) {
        return whoami.has(role);
    }
}
