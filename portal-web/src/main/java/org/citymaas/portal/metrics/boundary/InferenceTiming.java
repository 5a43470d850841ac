package org.citymaas.portal.metrics.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import org.citymaas.portal.signin.CurrentCaller;

/**
 * Times a governed inference request from its first request filter to its response (the use case, the
 * error mapping and the answer's encoding are inside; reading the body and sending the answer are not)
 * and hands it to {@link InferenceMeters}. Bound to the v2 {@code infer} and {@code explain} methods only
 * ({@link InferenceTimingBinding}).
 */
@ApplicationScoped
public class InferenceTiming implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String STARTED = InferenceTiming.class.getName() + ".started";

    @Inject
    InferenceMeters meters;

    @Inject
    CurrentCaller currentCaller;

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        var started = request.getProperty(STARTED);
        long nanos = started instanceof Long start ? System.nanoTime() - start : -1;
        var department = currentCaller
                .find()
                .flatMap(caller -> caller.department())
                .map(id -> id.value())
                .orElse(null);
        meters.record(
                request.getUriInfo().getPathParameters().getFirst("name"),
                department,
                response.getStatus(),
                nanos,
                request.getUriInfo().getPath().endsWith("/explain"));
    }
}
