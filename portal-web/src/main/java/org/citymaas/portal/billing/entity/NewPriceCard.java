package org.citymaas.portal.billing.entity;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.citymaas.security.input.boundary.PlainText;

/**
 * A platform admin's new price card, as the API takes it. (Only {@code @NotNull} and {@code @Pattern}:
 * Payara's OpenAPI scanner fails on {@code @NotEmpty}, {@code @Size} and the like in records; the counts of
 * rates and tiers are checked where the card is built.) Amounts are decimal strings (CNY, at most 9
 * decimals; a monthly minimum at most 2), never binary floating point.
 *
 * @param model the catalog model
 * @param version one version of it, or null for every version
 * @param effectiveFrom the first month it prices, YYYY-MM (Asia/Shanghai)
 * @param monthlyMinimum the least a subscription pays a month, or null for none
 * @param rates one per unit priced
 */
public record NewPriceCard(
        @NotNull(message = "is required")
        @PlainText
        @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,99}", message = "must be a catalog model name")
        String model,

        @PlainText @Pattern(regexp = "[A-Za-z0-9._-]{1,40}", message = "must be a version of the model")
        String version,

        @NotNull(message = "is required") @Pattern(regexp = "\\d{4}-\\d{2}", message = "is a month, YYYY-MM")
        String effectiveFrom,

        @Pattern(regexp = DECIMAL, message = "is an amount in CNY, e.g. 100.00")
        String monthlyMinimum,

        @NotNull(message = "needs at least one rate") @Valid List<NewRate> rates) {

    /** A non-negative decimal with at most 9 decimals. */
    public static final String DECIMAL = "\\d{1,12}(\\.\\d{1,9})?";

    /**
     * One unit's price.
     *
     * @param unit REQUEST, ROW, CPU_SECOND, GPU_SECOND or EXPLANATION
     * @param chargeModel PER_UNIT, GRADUATED, VOLUME or PACKAGE
     * @param tiers the prices: one for PER_UNIT and PACKAGE, ascending tiers ending unbounded otherwise
     * @param packageSize units per package (PACKAGE only)
     * @param freeAllowance units free each month, or null for none
     */
    public record NewRate(
            @NotNull(message = "is required")
            @Pattern(
                    regexp = "REQUEST|ROW|CPU_SECOND|GPU_SECOND|EXPLANATION",
                    message = "is REQUEST, ROW, CPU_SECOND, GPU_SECOND or EXPLANATION")
            String unit,

            @NotNull(message = "is required")
            @Pattern(
                    regexp = "PER_UNIT|GRADUATED|VOLUME|PACKAGE",
                    message = "is PER_UNIT, GRADUATED, VOLUME or PACKAGE")
            String chargeModel,

            @NotNull(message = "needs at least one tier") @Valid
            List<NewTier> tiers,

            @Pattern(regexp = DECIMAL, message = "is a number of units")
            String packageSize,

            @Pattern(regexp = DECIMAL, message = "is a number of units")
            String freeAllowance) {}

    /**
     * One tier.
     *
     * @param upTo the tier's last unit (inclusive), or null for the last, unbounded tier
     * @param unitPrice the price of each unit in it, CNY
     * @param flatFee a fee for reaching it, CNY, or null for none
     */
    public record NewTier(
            @Pattern(regexp = DECIMAL, message = "is a number of units")
            String upTo,

            @NotNull(message = "is required") @Pattern(regexp = DECIMAL, message = "is a price in CNY, e.g. 0.05")
            String unitPrice,

            @Pattern(regexp = DECIMAL, message = "is an amount in CNY")
            String flatFee) {}
}
