package org.citymaas.portal.access.boundary;

import jakarta.validation.constraints.NotNull;

/**
 * A platform admin's grant: the department's monthly limits for the model. (Only {@code @NotNull}: Payara's
 * OpenAPI scanner fails on {@code @Min} and the like in records; {@link AccessRequests#grant} refuses a
 * negative limit.)
 *
 * @param requests requests a month
 * @param rows rows a month
 */
public record AccessGrant(
        @NotNull(message = "is required") Long requests,
        @NotNull(message = "is required") Long rows) {}
