package org.citymaas.portal.access.boundary;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.citymaas.security.input.boundary.PlainText;

/**
 * A department's request for a catalog model. (Only {@code @NotNull}, {@code @Pattern} and {@code @PlainText}:
 * Payara's OpenAPI scanner fails on {@code @NotBlank}, {@code @Size} and the like in records;
 * {@link AccessRequests#request} refuses a blank or too long justification.)
 *
 * @param model the catalog model, e.g. {@code traffic-flow-forecast}
 * @param justification why the department needs it (1-1000 characters; kept with the request, never audited)
 */
public record NewAccessRequest(
        @NotNull(message = "is required")
        @PlainText
        @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,99}", message = "must be a catalog model name")
        String model,

        @NotNull(message = "is required") @PlainText String justification) {}
