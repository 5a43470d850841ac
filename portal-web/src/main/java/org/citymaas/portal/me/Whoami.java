package org.citymaas.portal.me;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Comparator;
import org.citymaas.portal.signin.CurrentCaller;
import org.citymaas.security.identity.entity.Role;
import org.citymaas.tenant.departments.boundary.Departments;

/** The signed-in caller with its department's names, for the API and the home page alike. */
@Named
@RequestScoped
public class Whoami {

    @Inject
    CurrentCaller currentCaller;

    @Inject
    Departments departments;

    private CallerView view;

    public CallerView current() {
        if (view == null) {
            var caller = currentCaller.get();
            var department = caller.department()
                    .map(tenant -> {
                        var slug = tenant.value();
                        return departments
                                .find(tenant)
                                .map(d -> new CallerView.DepartmentRef(slug, d.nameZh(), d.nameEn()))
                                .orElse(new CallerView.DepartmentRef(slug, slug, slug));
                    })
                    .orElse(null);
            var roles = caller.roles().stream()
                    .sorted(Comparator.naturalOrder())
                    .map(Role::roleName)
                    .toList();
            view = new CallerView(
                    caller.name(), caller.displayName(), caller.kind().name(), department, roles);
        }
        return view;
    }

    /** For pages: true when the caller has the named role. */
    public boolean has(String roleName) {
        return current().roles().contains(roleName);
    }
}
