package org.citymaas.portal.billing.entity;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.citymaas.security.input.boundary.PlainText;

/**
 * A department's billing account as a platform admin sets it. (Only {@code @NotNull} and {@code @Pattern}:
 * Payara's OpenAPI scanner fails on {@code @NotBlank}, {@code @Size} and the like in records.)
 *
 * @param costCentre the finance system's cost centre
 * @param budgetHolder the user name of the person who answers the department's drafts
 */
public record AccountRequest(
        @NotNull(message = "is required")
        @PlainText
        @Pattern(regexp = "(?s)(?=.*\\S).{1,40}", message = "is 1 to 40 characters")
        String costCentre,

        @NotNull(message = "is required")
        @PlainText
        @Pattern(regexp = "(?s)(?=.*\\S).{1,100}", message = "is 1 to 100 characters")
        String budgetHolder) {}
