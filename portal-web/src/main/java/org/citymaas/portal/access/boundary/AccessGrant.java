package org.citymaas.portal.access.boundary;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * A platform admin's grant: the department's monthly limits for the model.
 *
 * @param requests requests a month
 * @param rows rows a month
 */
public record AccessGrant(
        @NotNull(message = "is required") @Min(value = 0, message = "must be 0 or more")
        Long requests,

        @NotNull(message = "is required") @Min(value = 0, message = "must be 0 or more")
        Long rows) {}
