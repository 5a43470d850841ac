package org.citymaas.billing.exports.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.citymaas.billing.exports.boundary.Statements.NOVEMBER;
import static org.citymaas.billing.exports.boundary.Statements.account;
import static org.citymaas.billing.exports.boundary.Statements.correction;
import static org.citymaas.billing.exports.boundary.Statements.issued;
import static org.citymaas.billing.exports.boundary.Statements.statement;
import static org.citymaas.billing.exports.boundary.Statements.trueUp;
import static org.citymaas.billing.exports.boundary.Statements.usage;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.citymaas.billing.errors.ExportRefusedException;
import org.citymaas.billing.exports.entity.ExportKind;
import org.citymaas.billing.exports.entity.ExportTable;
import org.citymaas.billing.exports.entity.JournalAccounts;
import org.citymaas.billing.pricing.entity.Unit;
import org.citymaas.billing.statements.entity.Statement;
import org.citymaas.billing.statements.entity.StatementStatus;
import org.junit.jupiter.api.Test;

class CostExportsTest {

    private final CostExports exports = new CostExports();

    private final Statement transport = issued(
            account("transport", "鄞州区交通局", "CC-1001"),
            "CM-2026-000123",
            usage(1, Unit.ROW, "0.010000000", "1500", "12.345"),
            usage(2, Unit.GPU_SECOND, "0.200000000", "81.2345", "16.2469"),
            trueUp(3, "20.40"),
            correction(4, "-2", "-0.10", "CM-2026-000101"));
    private final Statement health = issued(
            account("health", "卫生健康局", "CC-2002"),
            "CM-2026-000124",
            usage(1, Unit.REQUEST, "0.050000000", "301", "15.05"));

    @Test
    void theFocusTableHasTheDocumentedColumnsInOrder() {
        var focus = exports.export(NOVEMBER, ExportKind.FINAL, List.of(transport, health))
                .focus();

        assertThat(focus.header())
                .containsExactly(
                        "BillingPeriodStart",
                        "BillingPeriodEnd",
                        "ChargePeriodStart",
                        "ChargePeriodEnd",
                        "ChargeCategory",
                        "ChargeClass",
                        "BilledCost",
                        "EffectiveCost",
                        "ListCost",
                        "ListUnitPrice",
                        "PricingQuantity",
                        "PricingUnit",
                        "ConsumedQuantity",
                        "ConsumedUnit",
                        "BillingCurrency",
                        "ServiceName",
                        "SkuId",
                        "SubAccountId",
                        "SubAccountName",
                        "InvoiceId",
                        "x_CostCentre",
                        "x_Rows",
                        "x_ComputeMs",
                        "x_Device");
        assertThat(focus.rows()).as("one record per statement line").hasSize(5);
        assertThat(focus.baseName()).isEqualTo("citymaas-focus-2026-11");
    }

    @Test
    void anExplanationLineIsAUsageRecordInExplanations() {
        var statement = issued(
                account("health", "卫生健康局", "CC-2002"),
                "CM-2026-000125",
                usage(1, Unit.REQUEST, "0.050000000", "301", "15.05"),
                usage(2, Unit.EXPLANATION, "0.500000000", "12", "6.00"));

        var row = record(
                exports.export(NOVEMBER, ExportKind.FINAL, List.of(statement)).focus(), 1);

        assertThat(row)
                .containsEntry("ChargeCategory", "Usage")
                .containsEntry("PricingUnit", "Explanations")
                .containsEntry("ConsumedUnit", "Explanations")
                .containsEntry("PricingQuantity", "12")
                .containsEntry("BilledCost", "6.00")
                .containsEntry("SkuId", "traffic-flow-forecast:3:EXPLANATION");
    }

    @Test
    void aUsageLineIsAUsageRecordPricedAtListBeforeAllowanceAndTiers() {
        var row = record(
                exports.export(NOVEMBER, ExportKind.FINAL, List.of(transport)).focus(), 0);

        assertThat(row)
                .containsEntry("BillingPeriodStart", "2026-10-31T16:00:00Z")
                .containsEntry("BillingPeriodEnd", "2026-11-30T16:00:00Z")
                .containsEntry("ChargePeriodStart", "2026-10-31T16:00:00Z")
                .containsEntry("ChargePeriodEnd", "2026-11-30T16:00:00Z")
                .containsEntry("ChargeCategory", "Usage")
                .containsEntry("ChargeClass", null)
                .containsEntry("BilledCost", "12.35")
                .containsEntry("EffectiveCost", "12.35")
                .containsEntry("ListCost", "15.00")
                .containsEntry("ListUnitPrice", "0.010000000")
                .containsEntry("PricingQuantity", "1500")
                .containsEntry("PricingUnit", "Rows")
                .containsEntry("ConsumedQuantity", "1500")
                .containsEntry("ConsumedUnit", "Rows")
                .containsEntry("BillingCurrency", "CNY")
                .containsEntry("ServiceName", "traffic-flow-forecast")
                .containsEntry("SkuId", "traffic-flow-forecast:3:ROW")
                .containsEntry("SubAccountId", "transport")
                .containsEntry("SubAccountName", "鄞州区交通局")
                .containsEntry("InvoiceId", "CM-2026-000123")
                .containsEntry("x_CostCentre", "CC-1001")
                .containsEntry("x_Rows", "1500")
                .containsEntry("x_ComputeMs", "81234.5")
                .containsEntry("x_Device", "gpu");
        var gpu = record(
                exports.export(NOVEMBER, ExportKind.FINAL, List.of(transport)).focus(), 1);
        assertThat(gpu)
                .as("list cost is the exact product, never in exponent form")
                .containsEntry("ListCost", "16.2469")
                .containsEntry("PricingUnit", "GPU-Seconds")
                .containsEntry("BilledCost", "16.25");
    }

    @Test
    void aTrueUpIsAnAdjustmentWithoutUnitOrQuantityThatListsWhatItBills() {
        var row = record(
                exports.export(NOVEMBER, ExportKind.FINAL, List.of(transport)).focus(), 2);

        assertThat(row)
                .containsEntry("ChargeCategory", "Adjustment")
                .containsEntry("ChargeClass", null)
                .containsEntry("BilledCost", "20.40")
                .containsEntry("ListCost", "20.40")
                .containsEntry("ListUnitPrice", null)
                .containsEntry("PricingQuantity", null)
                .containsEntry("PricingUnit", null)
                .containsEntry("ConsumedQuantity", null)
                .containsEntry("SkuId", "traffic-flow-forecast:3:MINIMUM")
                .containsEntry("x_Device", null);
    }

    @Test
    void aCorrectionIsAUsageRecordOfTheMonthItCorrectsBilledInThisOne() {
        var row = record(
                exports.export(NOVEMBER, ExportKind.FINAL, List.of(transport)).focus(), 3);

        assertThat(row)
                .containsEntry("ChargeCategory", "Usage")
                .containsEntry("ChargeClass", "Correction")
                .containsEntry("BillingPeriodStart", "2026-10-31T16:00:00Z")
                .containsEntry("ChargePeriodStart", "2026-09-30T16:00:00Z")
                .containsEntry("ChargePeriodEnd", "2026-10-31T16:00:00Z")
                .containsEntry("BilledCost", "-0.10")
                .containsEntry("ListCost", "-0.10")
                .containsEntry("PricingQuantity", "-2")
                .containsEntry("InvoiceId", "CM-2026-000123");
    }

    @Test
    void billedCostAddsUpToTheStatementsTotals() {
        var export = exports.export(NOVEMBER, ExportKind.FINAL, List.of(transport, health));

        var sum = export.focus().column("BilledCost").stream()
                .map(BigDecimal::new)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(sum).isEqualByComparingTo(transport.total().add(health.total()));
        assertThat(export.billedTotal()).isEqualByComparingTo("63.95");
        assertThat(export.statementNumbers()).containsExactly("CM-2026-000124", "CM-2026-000123");
    }

    @Test
    void theJournalDebitsEachDepartmentAndBalancesToZeroOnThePlatformsRecoveryAccount() {
        var accounts = new JournalAccounts("5001-IT", "4601-IT", "CC-IT", "市大数据局");
        var journal = new CostExports(accounts)
                .export(NOVEMBER, ExportKind.FINAL, List.of(transport, health))
                .journal();

        assertThat(journal.header())
                .containsExactly(
                        "Period", "CostCentre", "Account", "Amount", "Currency", "StatementNumber", "Department");
        assertThat(journal.rows())
                .containsExactly(
                        List.of("2026-11", "CC-2002", "5001-IT", "15.05", "CNY", "CM-2026-000124", "卫生健康局"),
                        List.of("2026-11", "CC-1001", "5001-IT", "48.90", "CNY", "CM-2026-000123", "鄞州区交通局"),
                        List.of("2026-11", "CC-IT", "4601-IT", "-63.95", "CNY", "", "市大数据局"));
        assertThat(journal.column("Amount").stream().map(BigDecimal::new).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("0");
        assertThat(new CostExports().accounts()).isEqualTo(JournalAccounts.DEFAULTS);
    }

    @Test
    void aFinalExportIsRefusedWhileAStatementOfTheMonthIsNotIssued() {
        var draft = statement(
                account("education", "教育局", "CC-3003"),
                StatementStatus.DRAFT,
                null,
                usage(1, Unit.ROW, "0.010000000", "10", "0.10"));

        assertThatThrownBy(() -> exports.export(NOVEMBER, ExportKind.FINAL, List.of(transport, draft)))
                .isInstanceOf(ExportRefusedException.class)
                .hasMessageContaining("2026-11 is not closed: education (DRAFT)");
    }

    @Test
    void aPreviewHoldsDraftsWithoutInvoiceIdAndSaysSoInItsNames() {
        var draft = statement(
                account("education", "教育局", "CC-3003"),
                StatementStatus.DRAFT,
                null,
                usage(1, Unit.ROW, "0.010000000", "10", "0.10"));

        var preview = exports.export(NOVEMBER, ExportKind.PREVIEW, List.of(transport, draft));

        assertThat(preview.isFinal()).isFalse();
        assertThat(preview.focus().baseName()).isEqualTo("citymaas-focus-2026-11-preview");
        assertThat(preview.journal().baseName()).isEqualTo("citymaas-journal-2026-11-preview");
        assertThat(record(preview.focus(), 0))
                .containsEntry("SubAccountId", "education")
                .containsEntry("InvoiceId", null);
        assertThat(preview.journal().rows().get(0)).contains("", "教育局");
    }

    @Test
    void voidStatementsAreLeftOut() {
        var voided = statement(
                account("health", "卫生健康局", "CC-2002"),
                StatementStatus.VOID,
                "CM-2026-000120",
                usage(1, Unit.REQUEST, "0.050000000", "1", "0.05"));

        var export = exports.export(NOVEMBER, ExportKind.FINAL, List.of(transport, voided, health));

        assertThat(export.focus().column("InvoiceId")).doesNotContain("CM-2026-000120");
        assertThat(export.journal().rows()).hasSize(3);
    }

    @Test
    void refusesAnotherMonthsStatementTwoOfOneDepartmentAndNothingAtAll() {
        assertThatThrownBy(() -> exports.export(NOVEMBER.plusMonths(1), ExportKind.FINAL, List.of(transport)))
                .isInstanceOf(ExportRefusedException.class)
                .hasMessageContaining("statement CM-2026-000123 of 2026-11");
        var again = issued(
                account("transport", "鄞州区交通局", "CC-1001"),
                "CM-2026-000125",
                usage(1, Unit.ROW, "0.010000000", "10", "0.10"));
        assertThatThrownBy(() -> exports.export(NOVEMBER, ExportKind.FINAL, List.of(transport, again)))
                .isInstanceOf(ExportRefusedException.class)
                .hasMessageContaining("department transport has more than one statement");
        assertThatThrownBy(() -> exports.export(NOVEMBER, ExportKind.FINAL, List.of()))
                .isInstanceOf(ExportRefusedException.class)
                .hasMessageContaining("no issued statement for 2026-11");
    }

    private static Map<String, String> record(ExportTable table, int index) {
        var row = new HashMap<String, String>();
        for (int i = 0; i < table.header().size(); i++) {
            row.put(table.header().get(i), table.rows().get(index).get(i));
        }
        return row;
    }
}
