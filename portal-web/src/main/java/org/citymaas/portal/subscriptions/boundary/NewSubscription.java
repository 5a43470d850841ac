package org.citymaas.portal.subscriptions.boundary;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.citymaas.security.input.boundary.PlainText;

/**
 * A platform admin's grant of a model to a department.
 *
 * @param model the catalog model, e.g. {@code traffic-flow-forecast}
 * @param version a version to pin, or absent for every version
 */
public record NewSubscription(
        @NotNull(message = "is required")
        @PlainText
        @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,99}", message = "must be a catalog model name")
        String model,

        @PlainText @Pattern(regexp = "[A-Za-z0-9._-]{1,40}", message = "must be a version of the model")
        String version) {}
