package org.citymaas.portal.ui;

import java.io.Serializable;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.citymaas.portal.members.boundary.MemberView;

/** A member as a table row; a JavaBean, since Faces' EL cannot read record components. */
public class MemberRow implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter CITY_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

    private final String username;
    private final String name;
    private final String email;
    private final String role;
    private final String lastSignIn;

    public MemberRow(MemberView view) {
        this.username = view.username();
        this.name = view.name() == null ? "" : view.name();
        this.email = view.email() == null ? "" : view.email();
        this.role = view.role();
        this.lastSignIn = view.lastSignIn() == null ? "" : CITY_TIME.format(view.lastSignIn());
    }

    public String getUsername() {
        return username;
    }

    public String getName() {
        return name;
    }

    public String getEmail() {
        return email;
    }

    public String getRole() {
        return role;
    }

    public boolean isTenantAdmin() {
        return "tenant-admin".equals(role);
    }

    public String getLastSignIn() {
        return lastSignIn;
    }
}
