package org.citymaas.tenant.context.boundary;

import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import org.citymaas.tenant.departments.entity.TenantId;

/**
 * The department a request acts for. Tenant-owned data is read and written only inside it; a
 * platform-wide request (a platform admin, an auditor) has none and acts across departments.
 */
@RequestScoped
public class TenantContext {

    private TenantId tenant;
    private boolean platformWide;

    /** Acts for one department. */
    public void actFor(TenantId tenant) {
        this.tenant = tenant;
        this.platformWide = false;
    }

    /** Acts across departments (platform administration, audit). */
    public void actPlatformWide() {
        this.tenant = null;
        this.platformWide = true;
    }

    public Optional<TenantId> tenant() {
        return Optional.ofNullable(tenant);
    }

    public boolean isPlatformWide() {
        return platformWide;
    }
}
