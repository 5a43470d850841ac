package org.citymaas.portal.devstack;

import java.util.List;

/**
 * The names and DEMO-ONLY secrets of docker/keycloak/citymaas-realm.json, for the dev run and the tests.
 * Outside a dev machine every secret here is replaced (docker/keycloak/README.md).
 */
public final class KeycloakDemoRealm {

    public static final String REALM = "citymaas";

    /** The audience every token for the portal's API carries. */
    public static final String API_AUDIENCE = "citymaas-api";

    /** Confidential client of the portal's browser sign-in. */
    public static final String PORTAL_CLIENT = "citymaas-portal";

    public static final String PORTAL_SECRET = "citymaas-portal-demo-secret";

    /** Public client (authorization code + PKCE) of command-line tools and tests. */
    public static final String CLI_CLIENT = "citymaas-cli";

    /** Service account with the realm-management roles that provisioning departments needs. */
    public static final String PROVISIONER_CLIENT = "citymaas-provisioner";

    public static final String PROVISIONER_SECRET = "citymaas-provisioner-demo-secret";

    /** Service account of the city finance bureau's systems: realm role finance, no department. */
    public static final String FINANCE_CLIENT = "finance-api";

    public static final String FINANCE_SECRET = "finance-api-demo-secret";

    /** Service account of the auditors' SIEM: realm role auditor, no department. */
    public static final String AUDIT_CLIENT = "audit-api";

    public static final String AUDIT_SECRET = "audit-api-demo-secret";

    /** The demo departments (tenant slugs), each a group {@code /departments/<slug>}. */
    public static final List<String> DEPARTMENTS =
            List.of("transport", "education", "health", "environment", "hotline");

    private KeycloakDemoRealm() {}

    /** The service-account client of a demo department's own systems, e.g. {@code transport-api}. */
    public static String apiClient(String department) {
        return department + "-api";
    }

    public static String apiSecret(String department) {
        return department + "-api-demo-secret";
    }

    /** A department's staff member, e.g. {@code transport-staff} (realm role staff). */
    public static String staff(String department) {
        return department + "-staff";
    }

    /** A department's administrator, e.g. {@code transport-admin} (realm roles staff and tenant-admin). */
    public static String tenantAdmin(String department) {
        return department + "-admin";
    }

    /** Every demo user's password is its user name followed by {@code -demo}. */
    public static String password(String username) {
        return username + "-demo";
    }
}
