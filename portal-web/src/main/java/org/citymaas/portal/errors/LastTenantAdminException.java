package org.citymaas.portal.errors;

import java.util.Map;

/** A change that would leave a department without a tenant admin: 409, nothing changed. */
public class LastTenantAdminException extends PortalException {

    public LastTenantAdminException(String department, String username) {
        super(
                409,
                "Last tenant admin",
                username + " is the last tenant admin of department " + department
                        + "; make another member tenant admin first",
                Map.of("username", username));
    }
}
