package org.citymaas.tenant.errors;

import java.util.Optional;
import org.citymaas.tenant.departments.entity.TenantId;

/**
 * The department does not subscribe to the model, or its subscription is pinned to another version
 * than the one asked for.
 */
public class NotSubscribedException extends TenantException {

    private final TenantId tenant;
    private final String model;
    private final String version;

    /**
     * @param tenant the department, null for a caller without one
     * @param version the version asked for, null for the department's default
     */
    public NotSubscribedException(TenantId tenant, String model, String version) {
        super("department '" + tenant + "' does not subscribe to model '" + model + "'"
                + (version == null ? "" : " version " + version));
        this.tenant = tenant;
        this.model = model;
        this.version = version;
    }

    public TenantId tenant() {
        return tenant;
    }

    public String model() {
        return model;
    }

    /** The version asked for, if one was. */
    public Optional<String> version() {
        return Optional.ofNullable(version);
    }
}
