package org.citymaas.portal.metrics.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import org.citymaas.portal.inference.boundary.InferenceResource;

/**
 * Binds {@link InferenceTiming} to the v2 resource's {@code infer} and {@code explain} methods and nothing else, so no other
 * request pays for it and the resource itself stays unaware of metrics. It runs before the authorization
 * filters, so a refused request is timed too.
 */
@Provider
@ApplicationScoped
public class InferenceTimingBinding implements DynamicFeature {

    @Inject
    InferenceTiming timing;

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        if (InferenceResource.class.isAssignableFrom(resource.getResourceClass())
                && List.of("infer", "explain")
                        .contains(resource.getResourceMethod().getName())) {
            context.register(timing, Priorities.AUTHENTICATION - 100);
        }
    }
}
