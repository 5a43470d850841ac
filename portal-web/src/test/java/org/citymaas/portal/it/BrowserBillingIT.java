package org.citymaas.portal.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.stream.StreamSupport;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.citymaas.portal.devstack.KeycloakDemoRealm;
import org.citymaas.portal.devstack.TestStack;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * Billing in the browser: a tenant admin opens the department's statements, reads one and downloads
 * its PDF (its text holds the department's Chinese name, cost centre, number and total; page 1 is
 * rendered to target/screenshots); a platform admin sees every department's month, the signed
 * finance files, and adds a scheduled price card through the form.
 */
class BrowserBillingIT extends BrowserTest {

    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

    /** Two months back is always past its grace window: the scheduled close has issued it. */
    private static YearMonth closedMonth() {
        return YearMonth.now(CITY).minusMonths(2);
    }

    /** Waits until the scheduled close (20 s after start) has issued every department's month. */
    private void awaitIssued(YearMonth month) throws InterruptedException {
        var token = TestStack.start()
                .keycloak()
                .clientCredentialsToken(KeycloakDemoRealm.FINANCE_CLIENT, KeycloakDemoRealm.FINANCE_SECRET);
        var url = portal.toString().replaceAll("/$", "") + "/api/v1/billing/statements?month=" + month;
        var deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline)) {
            var issued = StreamSupport.stream(Http.get(url, token).json().spliterator(), false)
                    .filter(s -> s.get("status").asText().equals("ISSUED"))
                    .count();
            if (issued == KeycloakDemoRealm.DEPARTMENTS.size()) {
                return;
            }
            Thread.sleep(2000);
        }
        throw new AssertionError("the demo history of " + month + " was not issued in time");
    }

    private byte[] download(String href) throws IOException, InterruptedException {
        var response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(href))
                                .header("Cookie", session.cookieHeader())
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        return response.body();
    }

    @Test
    void aTenantAdminReadsAStatementAndDownloadsItsPdf() throws Exception {
        var month = closedMonth();
        awaitIssued(month);

        browser.get(session.page("portal/home.xhtml"));
        session.signInAtKeycloak("transport-admin");
        wait.until(ExpectedConditions.urlContains("/portal/home.xhtml"));
        browser.findElement(By.id("nav-billing")).click();
        var table = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("billing-statements")));
        assertThat(table.getText()).contains(month.toString()).contains("CM-");
        assertThat(browser.findElements(By.id("billing-mtd")))
                .as("the month to date")
                .isNotEmpty();
        Browser.screenshot(browser, "billing-1-statements-zh");

        browser.findElement(By.id("statement-view-" + month)).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("statement-detail")));
        var number = browser.findElement(By.id("statement-number")).getText().strip();
        var costCentre =
                browser.findElement(By.id("statement-cost-centre")).getText().strip();
        var department = browser.findElement(By.id("statement-department")).getText();
        assertThat(number).matches(".*CM-\\d{4}-\\d{6}.*");
        assertThat(costCentre).contains("CC-4101-JT");
        assertThat(department).contains("交通运输局");
        assertThat(browser.findElements(By.cssSelector("#statement-lines tr[data-kind]")))
                .isNotEmpty();
        Browser.screenshot(browser, "billing-2-statement-zh");

        var pdf = download(browser.findElement(By.id("statement-pdf-" + month)).getAttribute("href"));
        String text;
        try (var document = Loader.loadPDF(pdf)) {
            text = new PDFTextStripper().getText(document);
            var image = new PDFRenderer(document).renderImageWithDPI(0, 80);
            var dir = Files.createDirectories(Path.of("target", "screenshots"));
            ImageIO.write(
                    image,
                    "png",
                    dir.resolve("billing-3-statement-pdf-page1.png").toFile());
        }
        var statementNumber = number.replaceAll(".*(CM-\\d{4}-\\d{6}).*", "$1");
        assertThat(text).contains("交通运输局").contains("CC-4101-JT").contains(statementNumber);
        var total = browser.findElement(By.id("statement-total")).getText();
        var amount = new BigDecimal(total.replaceAll("[^0-9.]", ""));
        assertThat(text).contains(String.format("¥%,.2f", amount));
    }

    @Test
    void aPlatformAdminSeesTheMonthSignedFilesAndAddsAScheduledPriceCard() throws Exception {
        var month = closedMonth();
        awaitIssued(month);

        browser.get(session.page("portal/home.xhtml"));
        session.signInAtKeycloak("platform-admin");
        wait.until(ExpectedConditions.urlContains("/portal/home.xhtml"));
        browser.get(session.page("portal/admin/billing.xhtml?month=" + month));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("billing-close-table")));
        for (var department : KeycloakDemoRealm.DEPARTMENTS) {
            assertThat(browser.findElement(By.id("billing-close-" + department)).getAttribute("data-status"))
                    .as(department)
                    .isEqualTo("ISSUED");
        }
        assertThat(browser.findElements(By.id("billing-files-final"))).isNotEmpty();
        assertThat(browser.findElements(By.id("billing-file-focus-csv-sig"))).isNotEmpty();
        assertThat(browser.findElement(By.id("billing-city-total-amount")).getText())
                .matches(".*\\d+\\.\\d{2}.*");
        Browser.screenshot(browser, "billing-4-close-month-zh");

        browser.findElement(By.id("nav-prices")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("prices-form")));
        var from = YearMonth.now(CITY).plusMonths(2).toString();
        new Select(browser.findElement(By.id("prices-form:model"))).selectByValue("health-risk");
        browser.findElement(By.id("prices-form:effectiveFrom")).sendKeys(from);
        browser.findElement(By.id("prices-form:rate-request-tiers")).sendKeys("1.10");
        browser.findElement(By.id("prices-form:prices-add")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("prices-scheduled"), from));
        assertThat(browser.findElement(By.id("prices-scheduled")).getText()).contains("health-risk");
        Browser.screenshot(browser, "billing-5-prices-zh");
    }
}
