package org.citymaas.portal.access.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.citymaas.security.input.boundary.PlainText;

/**
 * A department's request for a catalog model.
 *
 * @param model the catalog model, e.g. {@code traffic-flow-forecast}
 * @param justification why the department needs it (1-1000 characters; kept with the request, never audited)
 */
public record NewAccessRequest(
        @NotNull(message = "is required")
        @PlainText
        @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,99}", message = "must be a catalog model name")
        String model,

        @NotBlank(message = "is required")
        @Size(max = AccessRequests.MAX_JUSTIFICATION, message = "must be at most 1000 characters")
        @PlainText
        String justification) {}
