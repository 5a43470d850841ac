package org.citymaas.portal.exports.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.citymaas.billing.exports.boundary.CostExports;
import org.citymaas.billing.exports.entity.ExportKind;
import org.citymaas.billing.pricing.entity.ChargeModel;
import org.citymaas.billing.pricing.entity.Unit;
import org.citymaas.billing.statements.entity.BillingAccount;
import org.citymaas.billing.statements.entity.Statement;
import org.citymaas.billing.statements.entity.StatementLine;
import org.citymaas.billing.statements.entity.StatementLineKind;
import org.citymaas.billing.statements.entity.StatementStatus;
import org.citymaas.billing.statements.entity.UsageCitation;
import org.citymaas.portal.exports.control.FinanceExports.ExportFile;
import org.citymaas.security.audit.verifier.VerifyEvidence;
import org.citymaas.security.signing.boundary.DocumentSignatures;
import org.citymaas.tenant.departments.entity.TenantId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A month's finance exports written, read back as finance would, and verified as an auditor would. */
class FinanceExportsTest {

    private static final YearMonth MONTH = YearMonth.of(2026, 11);
    private static final List<String> DOCUMENTED_HEADER = List.of(
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

    private final List<Statement> statements = List.of(
            issued("yinzhou-transport", "鄞州区交通局", "CC-0574-01", "CM-2026-000301", "12.345", "0.004", "-1.20"),
            issued("health", "卫生健康局", "CC-0574-02", "CM-2026-000302", "100.005"),
            issued("hotline", "=12345热线", "CC-0574-03", "CM-2026-000303", "7.7"));

    @Test
    void theFocusCsvOpensWithTheDocumentedColumnsAndAddsUpToTheStatements(@TempDir Path keys) throws Exception {
        var files = files(keys, ExportKind.FINAL);
        byte[] csv = files.get("citymaas-focus-2026-11.csv").bytes();

        assertThat(csv).startsWith(0xEF, 0xBB, 0xBF);
        var records = parse(csv);
        assertThat(records.get(0).values()).containsExactlyElementsOf(DOCUMENTED_HEADER);
        var rows = records.subList(1, records.size());
        assertThat(rows).hasSize(5);
        var billed = rows.stream().map(r -> new BigDecimal(r.get(6))).reduce(BigDecimal.ZERO, BigDecimal::add);
        var statementsTotal = statements.stream().map(Statement::total).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(billed).isEqualByComparingTo(statementsTotal).isEqualByComparingTo("118.86");
        assertThat(rows.stream().map(r -> r.get(18))).contains("鄞州区交通局", "卫生健康局", "'=12345热线");
        assertThat(rows.stream().map(r -> r.get(6)))
                .as("a credit stays a number")
                .contains("-1.20");
    }

    @Test
    void theJsonLinesHoldTheSameRecordsAndTheJournalBalances(@TempDir Path keys) throws Exception {
        var files = files(keys, ExportKind.FINAL);
        var lines = new String(files.get("citymaas-focus-2026-11.jsonl").bytes(), StandardCharsets.UTF_8).split("\n");

        assertThat(lines).hasSize(5);
        var first = new ObjectMapper().readTree(lines[0]);
        var names = new ArrayList<String>();
        first.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactlyElementsOf(DOCUMENTED_HEADER);
        assertThat(first.get("SubAccountName").asText()).isEqualTo("卫生健康局");
        assertThat(first.get("BilledCost").isTextual()).isTrue();
        assertThat(first.get("ChargeClass").isNull()).isTrue();

        var journal = parse(files.get("citymaas-journal-2026-11.csv").bytes());
        assertThat(journal.get(0).values())
                .containsExactly(
                        "Period", "CostCentre", "Account", "Amount", "Currency", "StatementNumber", "Department");
        assertThat(journal.subList(1, journal.size()).stream()
                        .map(r -> new BigDecimal(r.get(3)))
                        .reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("0");
        assertThat(journal.get(journal.size() - 1).get(3)).isEqualTo("-118.86");
    }

    @Test
    void everyFinalFileVerifiesOfflineAndAChangedByteFails(@TempDir Path dir) throws Exception {
        var exports = new FinanceExports(new DocumentSignatures(dir.resolve("keys")));
        var files = exports.files(new CostExports().export(MONTH, ExportKind.FINAL, statements));
        var key = Files.writeString(dir.resolve("export-signing.pub"), exports.publicKeyPem());
        assertThat(files)
                .extracting(ExportFile::name)
                .containsExactly(
                        "citymaas-focus-2026-11.csv", "citymaas-focus-2026-11.csv.sig",
                        "citymaas-focus-2026-11.jsonl", "citymaas-focus-2026-11.jsonl.sig",
                        "citymaas-journal-2026-11.csv", "citymaas-journal-2026-11.csv.sig");
        for (var file : files) {
            Files.write(dir.resolve(file.name()), file.bytes());
        }

        for (var name :
                List.of("citymaas-focus-2026-11.csv", "citymaas-focus-2026-11.jsonl", "citymaas-journal-2026-11.csv")) {
            assertThat(verify(key, dir.resolve(name + ".sig"), dir.resolve(name)))
                    .as(name)
                    .isEqualTo(VerifyEvidence.OK);
        }

        var csv = dir.resolve("citymaas-focus-2026-11.csv");
        byte[] changed = Files.readAllBytes(csv);
        changed[changed.length / 2] ^= 0x01;
        Files.write(csv, changed);
        assertThat(verify(key, dir.resolve("citymaas-focus-2026-11.csv.sig"), csv))
                .isEqualTo(VerifyEvidence.BROKEN);
    }

    @Test
    void aPreviewOfADraftMonthIsMarkedAndNotSigned(@TempDir Path keys) {
        var draft = new ArrayList<>(statements);
        draft.set(0, statement(StatementStatus.DRAFT, "yinzhou-transport", "鄞州区交通局", "CC-0574-01", null, "3.00"));

        var files = new FinanceExports(new DocumentSignatures(keys))
                .files(new CostExports().export(MONTH, ExportKind.PREVIEW, draft));

        assertThat(files)
                .extracting(ExportFile::name)
                .containsExactly(
                        "citymaas-focus-2026-11-preview.csv",
                        "citymaas-focus-2026-11-preview.jsonl",
                        "citymaas-journal-2026-11-preview.csv");
    }

    private Map<String, ExportFile> files(Path keys, ExportKind kind) {
        return new FinanceExports(new DocumentSignatures(keys))
                .files(new CostExports().export(MONTH, kind, statements)).stream()
                        .collect(Collectors.toMap(ExportFile::name, Function.identity()));
    }

    private static List<CSVRecord> parse(byte[] csv) throws Exception {
        var text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        try (var parser = CSVFormat.RFC4180.parse(new StringReader(text.substring(1)))) {
            return parser.getRecords();
        }
    }

    private static int verify(Path key, Path signature, Path file) {
        var sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        return VerifyEvidence.run(
                new String[] {"--trusted-key", key.toString(), "--signature", signature.toString(), file.toString()},
                sink,
                sink);
    }

    private static Statement issued(String tenant, String name, String costCentre, String number, String... amounts) {
        return statement(StatementStatus.ISSUED, tenant, name, costCentre, number, amounts);
    }

    private static Statement statement(
            StatementStatus status, String tenant, String name, String costCentre, String number, String... amounts) {
        var lines = new ArrayList<StatementLine>();
        for (var amount : amounts) {
            var exact = new BigDecimal(amount).setScale(9);
            var quantity = exact.divide(new BigDecimal("0.010000000")).setScale(0, RoundingMode.HALF_UP);
            lines.add(new StatementLine(
                    lines.size() + 1,
                    StatementLineKind.USAGE,
                    "traffic-flow-forecast",
                    "3",
                    Unit.ROW,
                    ChargeModel.PER_UNIT,
                    new BigDecimal("0.010000000"),
                    quantity,
                    BigDecimal.ZERO,
                    List.of(),
                    exact,
                    exact.setScale(2, RoundingMode.HALF_UP),
                    quantity.longValue(),
                    new BigDecimal("250.5"),
                    "cpu",
                    MONTH,
                    null,
                    UsageCitation.none()));
        }
        var total = lines.stream().map(StatementLine::rounded).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        return new Statement(
                UUID.randomUUID(),
                new BillingAccount(new TenantId(tenant), name, tenant, costCentre, "李科长"),
                MONTH,
                status,
                number,
                lines,
                total,
                null,
                Instant.parse("2026-12-04T01:00:00Z"),
                status == StatementStatus.ISSUED ? Instant.parse("2026-12-04T02:00:00Z") : null,
                null,
                null);
    }
}
