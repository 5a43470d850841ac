package org.citymaas.portal.billing.entity;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * A department's monthly budget as a platform admin sets it.
 *
 * @param monthlyLimit CNY, more than zero, at most 2 decimals
 * @param mode SOFT (alerts only) or HARD (new requests get 402 once the month's cost reaches it)
 */
public record BudgetRequest(
        @NotNull(message = "is required")
        @Pattern(regexp = "\\d{1,12}(\\.\\d{1,2})?", message = "is an amount in CNY, e.g. 5000.00")
        String monthlyLimit,

        @NotNull(message = "is required") @Pattern(regexp = "SOFT|HARD", message = "is SOFT or HARD")
        String mode) {}
