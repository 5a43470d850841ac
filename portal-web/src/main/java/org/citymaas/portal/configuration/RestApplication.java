package org.citymaas.portal.configuration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/** The HTTP API: management under /api/v1, inference under /api/v2. */
@ApplicationScoped
@ApplicationPath("/api")
@OpenAPIDefinition(
        info =
                @Info(
                        title = "CityMaaS API",
                        version = "1",
                        description =
                                "Departments, members and model inference of the city's model-as-a-service portal."
                                        + " Errors are RFC 9457 application/problem+json."))
public class RestApplication extends Application {}
