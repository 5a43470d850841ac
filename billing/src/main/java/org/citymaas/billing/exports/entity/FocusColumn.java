package org.citymaas.billing.exports.entity;

import java.util.Arrays;
import java.util.List;

/**
 * The columns of the FOCUS-shaped cost and usage export, in file order. FOCUS columns keep their
 * specification's names; ours start with {@code x_}, as FOCUS asks of custom columns. billing/README.md
 * says what each one holds.
 */
public enum FocusColumn {
    BILLING_PERIOD_START("BillingPeriodStart"),
    BILLING_PERIOD_END("BillingPeriodEnd"),
    CHARGE_PERIOD_START("ChargePeriodStart"),
    CHARGE_PERIOD_END("ChargePeriodEnd"),
    CHARGE_CATEGORY("ChargeCategory"),
    CHARGE_CLASS("ChargeClass"),
    BILLED_COST("BilledCost"),
    EFFECTIVE_COST("EffectiveCost"),
    LIST_COST("ListCost"),
    LIST_UNIT_PRICE("ListUnitPrice"),
    PRICING_QUANTITY("PricingQuantity"),
    PRICING_UNIT("PricingUnit"),
    CONSUMED_QUANTITY("ConsumedQuantity"),
    CONSUMED_UNIT("ConsumedUnit"),
    BILLING_CURRENCY("BillingCurrency"),
    SERVICE_NAME("ServiceName"),
    SKU_ID("SkuId"),
    SUB_ACCOUNT_ID("SubAccountId"),
    SUB_ACCOUNT_NAME("SubAccountName"),
    INVOICE_ID("InvoiceId"),
    COST_CENTRE("x_CostCentre"),
    ROWS("x_Rows"),
    COMPUTE_MS("x_ComputeMs"),
    DEVICE("x_Device");

    private final String header;

    FocusColumn(String header) {
        this.header = header;
    }

    /** The column's name in the header row and as the JSON Lines key. */
    public String header() {
        return header;
    }

    /** Every header, in file order. */
    public static List<String> headers() {
        return Arrays.stream(values()).map(FocusColumn::header).toList();
    }
}
