package org.citymaas.portal.subscriptions.boundary;

import jakarta.validation.constraints.NotNull;

/**
 * Monthly limits (calendar months in Asia/Shanghai) of a department for a model.
 *
 * @param requests requests a month
 * @param rows input rows a month
 */
public record QuotaLimits(
        @NotNull(message = "is required") Long requests,
        @NotNull(message = "is required") Long rows) {}
