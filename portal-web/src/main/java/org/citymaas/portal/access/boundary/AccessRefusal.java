package org.citymaas.portal.access.boundary;

import jakarta.validation.constraints.NotNull;
import org.citymaas.security.input.boundary.PlainText;

/**
 * A platform admin's refusal. (Only {@code @NotNull} and {@code @PlainText}: Payara's OpenAPI scanner fails on
 * {@code @NotBlank}, {@code @Size} and the like in records; {@link AccessRequests#refuse} refuses a blank or
 * too long reason.)
 *
 * @param reason why (1-500 characters; the department sees it; never audited)
 */
public record AccessRefusal(
        @NotNull(message = "is required") @PlainText String reason) {}
