package org.citymaas.portal.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.YearMonth;
import java.time.ZoneId;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The auditor's monthly report page: reached from the navigation, its form (department, month) downloads
 * the PDF over the browser's session and the read is on the record; a bad month answers the page's
 * message and 400, with nothing read.
 */
class BrowserAuditReportIT extends BrowserTest {

    @Test
    void theAuditorPicksADepartmentAndMonthAndDownloadsThePdf() throws Exception {
        var month = YearMonth.now(ZoneId.of("Asia/Shanghai")).toString();
        browser.get(session.page("portal/home.xhtml"));
        session.signInAtKeycloak("auditor");
        browser.findElement(By.id("nav-audit-report")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("audit-report-form")));
        new Select(browser.findElement(By.id("audit-report-department"))).selectByValue("transport");
        var monthField = browser.findElement(By.id("audit-report-month"));
        monthField.clear();
        monthField.sendKeys(month);
        Browser.screenshot(browser, "audit-report-1-form-zh");
        // what submitting the form asks for: the browser would save the answer as a file
        var address = (String) browser.executeScript("var f = document.getElementById('audit-report-form');"
                + " return location.origin + location.pathname + '?' + new URLSearchParams(new FormData(f));");
        assertThat(address).contains("department=transport", "month=" + month, "download=pdf");
        var readsBefore = TestDatabase.count(
                "SELECT count(*) FROM audit_event WHERE actor = 'auditor' AND action = 'audit.report' AND summary = ?",
                "pdf filters {department=[transport], month=" + month + "}");

        var response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(address))
                                .header("Cookie", session.cookieHeader())
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        assertThat(response.headers().firstValue("Content-Disposition").orElse(""))
                .contains("audit-report-transport-" + month + ".pdf");
        try (var document = Loader.loadPDF(response.body())) {
            assertThat(new PDFTextStripper().getText(document))
                    .contains("部门月度审计报告", "交通运输局", "(transport)", month, "完好 INTACT:");
        }
        assertThat(TestDatabase.count(
                        "SELECT count(*) FROM audit_event WHERE actor = 'auditor' AND action = 'audit.report'"
                                + " AND summary = ?",
                        "pdf filters {department=[transport], month=" + month + "}"))
                .isEqualTo(readsBefore + 1);

        browser.get(session.page("portal/audit/report.xhtml?download=pdf&department=transport&month=2026-13"));
        var error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("audit-report-error")));
        assertThat(error.getText()).contains("月份无效");
        Browser.screenshot(browser, "audit-report-2-bad-month-zh");
        assertThat(session.download(session.page(
                                "portal/audit/report.xhtml?download=pdf&department=no-such-one&month=" + month))
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void staffSeeNeitherTheLinkNorThePage() {
        browser.get(session.page("portal/home.xhtml"));
        session.signInAtKeycloak("transport-staff");
        assertThat(browser.findElements(By.id("nav-audit-report"))).isEmpty();
        assertThat(session.download(session.page("portal/audit/report.xhtml")).statusCode())
                .isEqualTo(403);
    }
}
