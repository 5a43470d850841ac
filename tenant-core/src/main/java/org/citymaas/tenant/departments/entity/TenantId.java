package org.citymaas.tenant.departments.entity;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A department's identifier across CityMaaS: its slug, as in the Keycloak group
 * {@code /departments/<slug>} and the access token's {@code tenant} claim.
 */
public record TenantId(String value) {

    private static final Pattern SLUG = Pattern.compile("[a-z][a-z0-9-]{1,39}");

    public TenantId {
        Objects.requireNonNull(value, "tenant id");
        if (!SLUG.matcher(value).matches()) {
            throw new IllegalArgumentException("a department id is 2-40 characters of a-z, 0-9 and '-', starting"
                    + " with a letter, not '" + value + "'");
        }
    }

    public static boolean isValid(String value) {
        return value != null && SLUG.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
