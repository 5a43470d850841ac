package org.citymaas.portal.subscriptions.boundary;

import jakarta.validation.constraints.NotNull;
import org.citymaas.portal.errors.IllegalQuotaException;

/**
 * Monthly limits (calendar months in Asia/Shanghai) of a department for a model.
 *
 * @param requests requests a month
 * @param rows input rows a month
 */
public record QuotaLimits(
        @NotNull(message = "is required") Long requests,
        @NotNull(message = "is required") Long rows) {

    /** @throws IllegalQuotaException a negative limit */
    void requireNonNegative() {
        if (requests < 0 || rows < 0) {
            throw new IllegalQuotaException("quota limits cannot be negative");
        }
    }
}
