package org.citymaas.portal.billing.entity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.citymaas.security.input.boundary.PlainText;

/**
 * A department's billing account as a platform admin sets it.
 *
 * @param costCentre the finance system's cost centre
 * @param budgetHolder the user name of the person who answers the department's drafts
 */
public record AccountRequest(
        @NotBlank(message = "is required") @PlainText @Size(max = 40, message = "is at most 40 characters")
        String costCentre,

        @NotBlank(message = "is required") @PlainText @Size(max = 100, message = "is at most 100 characters")
        String budgetHolder) {}
