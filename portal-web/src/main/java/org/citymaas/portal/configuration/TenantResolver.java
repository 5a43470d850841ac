package org.citymaas.portal.configuration;

import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.inject.spi.CDI;
import org.citymaas.tenant.context.boundary.TenantContext;
import org.hibernate.context.spi.CurrentTenantIdentifierResolver;

/**
 * Tells Hibernate which department's rows a session may see: the request's {@link TenantContext}.
 * Platform-wide requests (and work outside a request, such as start-up) see every department; a
 * request that acts for no department sees none.
 */
public class TenantResolver implements CurrentTenantIdentifierResolver<String> {

    /** The tenant identifier of platform-wide work; never stored in a row. */
    public static final String PLATFORM = "__platform__";

    /** The tenant identifier of a request that acts for no department: it matches no row. */
    public static final String NOBODY = "__nobody__";

    @Override
    public String resolveCurrentTenantIdentifier() {
        try {
            var context = CDI.current().select(TenantContext.class).get();
            if (context.isPlatformWide()) {
                return PLATFORM;
            }
            return context.tenant().map(Object::toString).orElse(NOBODY);
        } catch (ContextNotActiveException e) {
            return PLATFORM;
        }
    }

    @Override
    public boolean validateExistingCurrentSessions() {
        return false;
    }

    @Override
    public boolean isRoot(String tenantId) {
        return PLATFORM.equals(tenantId);
    }
}
