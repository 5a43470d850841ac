package org.citymaas.portal.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

/** Departments a test makes for itself through the API, so that it shares no data with other tests. */
final class FreshDepartments {

    private FreshDepartments() {}

    /**
     * Creates an active department (with its Keycloak group, admin and API client) as the platform
     * admin, and returns its id.
     *
     * @param api the portal's {@code /api/} address, ending in a slash
     * @param prefix the start of the id, e.g. {@code parks}
     */
    static String create(String api, String prefix) {
        var slug = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        var answer = Http.post(
                api + "v1/tenants",
                DemoTokens.userToken("platform-admin"),
                Http.json(Map.of(
                        "id",
                        slug,
                        "nameZh",
                        "测试局",
                        "nameEn",
                        "Test Bureau",
                        "adminUsername",
                        slug + "-admin",
                        "adminEmail",
                        slug + "-admin@city.example",
                        "adminName",
                        "测试")));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return slug;
    }

    /**
     * Creates a department and gives its first admin ({@code <id>-admin}) a known, permanent password.
     *
     * @return the department's id
     */
    static String withAdmin(String api, String prefix, KeycloakAdmin keycloak, String adminPassword) {
        var slug = create(api, prefix);
        keycloak.setPassword(slug + "-admin", adminPassword);
        return slug;
    }
}
