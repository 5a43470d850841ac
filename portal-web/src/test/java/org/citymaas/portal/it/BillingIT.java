package org.citymaas.portal.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.apache.commons.csv.CSVFormat;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.citymaas.portal.devstack.KeycloakDemoRealm;
import org.citymaas.portal.devstack.TestStack;
import org.citymaas.security.signing.boundary.DocumentSignatures;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Billing on the real stack: the demo history closes into issued statements for every department,
 * each line citing a signed audit checkpoint; tenant admins see only their own, the finance bureau
 * every department's, staff nothing; the PDF carries the department, cost centre, number and total;
 * the month's finance files are signed and verify offline, a changed byte does not; a HARD budget
 * refuses requests with 402 and charges nothing; bad input is a 4xx problem.
 */
@ExtendWith(ArquillianExtension.class)
class BillingIT {

    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");
    private static final List<String> DEPARTMENTS = KeycloakDemoRealm.DEPARTMENTS;

    @ArquillianResource
    URL portal;

    private String api(String path) {
        return portal.toString().replaceAll("/$", "") + "/api/" + path;
    }

    private static String finance() {
        return TestStack.start()
                .keycloak()
                .clientCredentialsToken(KeycloakDemoRealm.FINANCE_CLIENT, KeycloakDemoRealm.FINANCE_SECRET);
    }

    /** Two months back is always past its grace window: the scheduled close has issued it. */
    private static YearMonth closedMonth() {
        return YearMonth.now(CITY).minusMonths(2);
    }

    /** The month's statements once the scheduled close (20 s after start) has issued every department's. */
    private JsonNode issuedStatements(String token, YearMonth month) throws InterruptedException {
        var deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (true) {
            var answer = Http.get(api("v1/billing/statements?month=" + month), token);
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            var statements = answer.json();
            var issued = StreamSupport.stream(statements.spliterator(), false)
                    .filter(s -> s.get("status").asText().equals("ISSUED"))
                    .count();
            if (issued == DEPARTMENTS.size() || Instant.now().isAfter(deadline)) {
                return statements;
            }
            Thread.sleep(2000);
        }
    }

    @Test
    void theDemoHistoryIsIssuedForEveryDepartmentWithEachLineCitingASignedCheckpoint() throws Exception {
        var statements = issuedStatements(finance(), closedMonth());

        assertThat(statements).hasSize(DEPARTMENTS.size());
        for (var statement : statements) {
            assertThat(statement.get("status").asText()).isEqualTo("ISSUED");
            assertThat(statement.get("number").asText()).matches("CM-\\d{4}-\\d{6}");
            assertThat(statement.get("costCentre").asText()).startsWith("CC-");
            var total = new BigDecimal(statement.get("total").asText());
            assertThat(total).isPositive();
            var sum = BigDecimal.ZERO;
            for (var line : statement.get("lines")) {
                sum = sum.add(new BigDecimal(line.get("amount").asText()));
                if (line.get("kind").asText().equals("USAGE")) {
                    assertThat(line.get("requests").asLong()).isPositive();
                    assertThat(line.get("requestIdsDigest").asText()).matches("[0-9a-f]{64}");
                    assertThat(line.get("checkpointSeq").isNull())
                            .as("line %s of %s cites a checkpoint", line.get("line"), statement.get("number"))
                            .isFalse();
                }
            }
            assertThat(sum).isEqualByComparingTo(total);
            var checkpoint = statement.get("checkpointSeq").asLong();
            assertThat(TestDatabase.count("SELECT count(*) FROM audit_checkpoint WHERE seq = ?", checkpoint))
                    .as("the cited checkpoint is signed in the log")
                    .isEqualTo(1);
        }
    }

    @Test
    void tenantAdminsSeeTheirOwnStatementsTheFinanceBureauEveryonesAndStaffNone() throws Exception {
        issuedStatements(finance(), closedMonth());
        var admin = DemoTokens.userToken("transport-admin");

        var own = Http.get(api("v1/billing/statements"), admin);
        var other = Http.get(api("v1/billing/statements?department=education"), admin);
        var staff = Http.get(api("v1/billing/statements"), DemoTokens.userToken("transport-staff"));
        var service = Http.get(api("v1/billing/statements"), DemoTokens.serviceToken("transport"));
        var financeWrite =
                Http.post(api("v1/billing/statements/transport/" + closedMonth() + "/close"), finance(), "{}");

        assertThat(own.status()).as(own.body()).isEqualTo(200);
        assertThat(own.json())
                .isNotEmpty()
                .allSatisfy(s -> assertThat(s.get("department").asText()).isEqualTo("transport"));
        assertThat(other.status()).as(other.body()).isEqualTo(404);
        assertThat(staff.status()).isEqualTo(403);
        assertThat(service.status()).isEqualTo(403);
        assertThat(financeWrite.status()).as("the finance bureau only reads").isEqualTo(403);
    }

    @Test
    void theStatementPdfCarriesTheDepartmentCostCentreNumberAndTotal() throws Exception {
        var month = closedMonth();
        var statement = StreamSupport.stream(issuedStatements(finance(), month).spliterator(), false)
                .filter(s -> s.get("department").asText().equals("transport"))
                .findFirst()
                .orElseThrow();
        var admin = DemoTokens.userToken("transport-admin");

        var pdf = Http.bytes(api("v1/billing/statements/transport/" + month + "/pdf"), admin);

        assertThat(new String(pdf, 0, 5, UTF_8)).isEqualTo("%PDF-");
        String text;
        try (var document = Loader.loadPDF(pdf)) {
            text = new PDFTextStripper().getText(document);
        }
        assertThat(text)
                .contains(statement.get("departmentName").asText())
                .contains(statement.get("costCentre").asText())
                .contains(statement.get("number").asText())
                .contains(statement.get("checkpointHash").asText());
        var total = new BigDecimal(statement.get("total").asText());
        assertThat(text).contains(String.format("¥%,.2f", total));
    }

    @Test
    void theMonthsFinanceFilesAreSignedAndVerifyOfflineAndTheirBilledCostIsTheStatementsTotal() throws Exception {
        var month = closedMonth();
        var statements = issuedStatements(finance(), month);
        var token = finance();

        var names = Http.get(api("v1/billing/exports/" + month), token);
        assertThat(names.status()).as(names.body()).isEqualTo(200);
        var files = new ArrayList<String>();
        names.json().forEach(n -> files.add(n.asText()));
        var focus = "citymaas-focus-" + month + ".csv";
        assertThat(files).contains(focus, focus + ".sig", "citymaas-journal-" + month + ".csv");

        var csv = Http.bytes(api("v1/billing/exports/" + month + "/" + focus), token);
        var signature = new String(Http.bytes(api("v1/billing/exports/" + month + "/" + focus + ".sig"), token), UTF_8);
        var key = new String(Http.bytes(api("v1/billing/exports/signing-key"), token), UTF_8);

        assertThat(DocumentSignatures.verify(csv, signature, key).valid()).isTrue();
        var changed = csv.clone();
        changed[changed.length - 3] ^= 1;
        assertThat(DocumentSignatures.verify(changed, signature, key).valid()).isFalse();

        var text = new String(csv, UTF_8);
        assertThat(text).startsWith("\uFEFF");
        var records = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(text.substring(1)))
                .getRecords();
        assertThat(records.get(0).getParser().getHeaderNames())
                .contains(
                        "BillingPeriodStart",
                        "BilledCost",
                        "EffectiveCost",
                        "ListCost",
                        "SkuId",
                        "SubAccountId",
                        "SubAccountName",
                        "InvoiceId",
                        "x_CostCentre",
                        "x_Rows");
        var billed =
                records.stream().map(r -> new BigDecimal(r.get("BilledCost"))).reduce(BigDecimal.ZERO, BigDecimal::add);
        var totals = StreamSupport.stream(statements.spliterator(), false)
                .map(s -> new BigDecimal(s.get("total").asText()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(billed).isEqualByComparingTo(totals);
    }

    @Test
    void aVoidedStatementIsClosedAgainReviewedByItsBudgetHolderAndIssuedUnderANewNumber() throws Exception {
        var month = closedMonth().minusMonths(1);
        var issued = StreamSupport.stream(issuedStatements(finance(), month).spliterator(), false)
                .filter(s -> s.get("department").asText().equals("education"))
                .findFirst()
                .orElseThrow();
        var number = issued.get("number").asText();
        var platform = DemoTokens.userToken("platform-admin");
        var holder = DemoTokens.userToken("education-admin");
        var path = "v1/billing/statements/education/" + month;

        var acceptIssued = Http.post(api(path + "/accept"), holder, "{}");
        var voided = Http.post(
                api("v1/billing/statements/numbers/" + number + "/void"),
                platform,
                Http.json(Map.of("text", "审核发现计价有误 price check")));
        var voidAgain = Http.post(
                api("v1/billing/statements/numbers/" + number + "/void"), platform, Http.json(Map.of("text", "x")));
        var draft = Http.post(api(path + "/close"), platform, "{}");
        var disputeBlank = Http.post(api(path + "/dispute"), holder, Http.json(Map.of("text", " ")));
        var otherAdmin = Http.post(api("v1/billing/statements/transport/" + month + "/accept"), holder, "{}");
        var accepted = Http.post(api(path + "/accept"), holder, Http.json(Map.of("text", "核对无误")));
        var reissued = Http.post(api(path + "/issue"), platform, "{}");

        assertThat(acceptIssued.status())
                .as("an issued statement is final: " + acceptIssued.body())
                .isEqualTo(409);
        assertThat(voided.status()).as(voided.body()).isEqualTo(200);
        assertThat(voided.json().get("status").asText()).isEqualTo("VOID");
        assertThat(voided.json().get("number").asText())
                .as("it keeps its number")
                .isEqualTo(number);
        assertThat(voidAgain.status()).as(voidAgain.body()).isEqualTo(409);
        assertThat(draft.status()).as(draft.body()).isEqualTo(200);
        assertThat(draft.json().get("status").asText()).isEqualTo("DRAFT");
        assertThat(draft.json().get("total").asText())
                .isEqualTo(issued.get("total").asText());
        assertThat(disputeBlank.status()).as(disputeBlank.body()).isEqualTo(400);
        assertThat(otherAdmin.status())
                .as("another department's draft: " + otherAdmin.body())
                .isEqualTo(404);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(accepted.json().get("review").asText()).isEqualTo("ACCEPTED");
        assertThat(reissued.status()).as(reissued.body()).isEqualTo(200);
        assertThat(reissued.json().get("status").asText()).isEqualTo("ISSUED");
        assertThat(reissued.json().get("number").asText())
                .matches("CM-\\d{4}-\\d{6}")
                .isNotEqualTo(number);
        assertThat(TestDatabase.count(
                        "SELECT count(*) FROM audit_event WHERE action IN ('statement.void', 'statement.close',"
                                + " 'statement.accept', 'statement.issue') AND resource = ?",
                        "tenants/education/statements/" + month))
                .as("every change audited")
                .isGreaterThanOrEqualTo(4);
        assertThat(TestDatabase.count(
                        "SELECT count(*) FROM audit_event WHERE summary LIKE ? OR summary LIKE ?", "%审核%", "%核对%"))
                .as("the comments people typed stay out of the audit log")
                .isZero();
    }

    @Test
    void aSpentHardBudgetRefusesRequestsWith402AndChargesNothingUntilItIsRaised() throws Exception {
        var platform = DemoTokens.userToken("platform-admin");
        var service = DemoTokens.serviceToken("transport");
        var first = infer(service, "budget-" + UUID.randomUUID());
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        var budget = Http.get(api("v1/billing/budgets/transport"), platform);
        assertThat(budget.status()).as(budget.body()).isEqualTo(200);
        var spent = new BigDecimal(budget.json().get("monthToDate").asText());
        assertThat(spent).isPositive();

        try {
            var hard = Http.put(
                    api("v1/billing/budgets/transport"),
                    platform,
                    Http.json(Map.of("monthlyLimit", spent.toPlainString(), "mode", "HARD")));
            assertThat(hard.status()).as(hard.body()).isEqualTo(200);
            assertThat(hard.json().get("activeAlerts").toString()).contains("ACTUAL_100");

            var requestId = "budget-" + UUID.randomUUID();
            var refused = infer(service, requestId);
            assertThat(refused.status()).as(refused.body()).isEqualTo(402);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().get("title").asText()).isEqualTo("Budget exhausted");
            assertThat(TestDatabase.count("SELECT count(*) FROM usage_event WHERE request_id = ?", requestId))
                    .as("nothing charged")
                    .isZero();
            assertThat(TestDatabase.count(
                            "SELECT count(*) FROM audit_event WHERE action = 'budget.alert' AND tenant = 'transport'"
                                    + " AND resource LIKE ? AND outcome = 'FIRED'",
                            "%/ACTUAL_100"))
                    .isPositive();
        } finally {
            var soft = Http.put(
                    api("v1/billing/budgets/transport"),
                    platform,
                    Http.json(Map.of("monthlyLimit", "300.00", "mode", "SOFT")));
            assertThat(soft.status()).as(soft.body()).isEqualTo(200);
        }
        var again = infer(service, "budget-" + UUID.randomUUID());
        assertThat(again.status())
                .as("a SOFT budget only alerts: " + again.body())
                .isEqualTo(200);
    }

    @Test
    void badBillingInputIsAClearProblemAndChangesNothing() throws Exception {
        var platform = DemoTokens.userToken("platform-admin");
        var cards = Http.get(api("v1/billing/price-cards"), platform).json().size();

        var unordered = Http.post(api("v1/billing/price-cards"), platform, """
                {"model": "traffic-flow-forecast", "effectiveFrom": "%s", "rates": [{"unit": "REQUEST",
                 "chargeModel": "GRADUATED", "tiers": [{"upTo": "100", "unitPrice": "0.5"},
                 {"upTo": "50", "unitPrice": "0.4"}, {"unitPrice": "0.3"}]}]}""".formatted(
                        YearMonth.now(CITY).plusMonths(1)));
        var billedMonth = Http.post(api("v1/billing/price-cards"), platform, """
                {"model": "traffic-flow-forecast", "effectiveFrom": "%s", "rates": [{"unit": "REQUEST",
                 "chargeModel": "PER_UNIT", "tiers": [{"unitPrice": "0.1"}]}]}""".formatted(closedMonth()));
        var unknownModel = Http.post(api("v1/billing/price-cards"), platform, """
                {"model": "no-such-model", "effectiveFrom": "2030-01", "rates": [{"unit": "REQUEST",
                 "chargeModel": "PER_UNIT", "tiers": [{"unitPrice": "0.1"}]}]}""");
        var voidWithoutReason = Http.post(api("v1/billing/statements/numbers/CM-2026-000001/void"), platform, "{}");
        var badBudget = Http.put(
                api("v1/billing/budgets/transport"), platform, Http.json(Map.of("monthlyLimit", "-5", "mode", "HARD")));
        var badMonth = Http.get(api("v1/billing/statements/transport/2026-13"), platform);

        assertThat(unordered.status()).as(unordered.body()).isEqualTo(400);
        assertThat(unordered.contentType()).startsWith("application/problem+json");
        assertThat(billedMonth.status())
                .as("a card for a billed month: " + billedMonth.body())
                .isEqualTo(409);
        assertThat(unknownModel.status()).as(unknownModel.body()).isEqualTo(404);
        assertThat(voidWithoutReason.status()).as(voidWithoutReason.body()).isEqualTo(400);
        assertThat(badBudget.status()).as(badBudget.body()).isEqualTo(400);
        assertThat(badMonth.status()).as(badMonth.body()).isEqualTo(400);
        assertThat(Http.get(api("v1/billing/price-cards"), platform).json()).hasSize(cards);
    }

    private Http.Answer infer(String token, String requestId) {
        return Http.post(
                api("v2/models/traffic-flow-forecast/infer"),
                token,
                TrafficRequests.body(1, 8),
                Map.of("X-Request-Id", requestId));
    }
}
