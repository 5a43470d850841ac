package org.citymaas.portal.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Staff score a CSV file from the browser: upload, progress to 100 %, refused lines, results download. */
class BrowserBatchIT extends BrowserTest {

    private void upload(Path file) {
        browser.findElement(By.id("upload:file")).sendKeys(file.toString());
        browser.findElement(By.id("upload:submit")).click();
    }

    @Test
    void transportStaffUploadsAFileWatchesItRunAndDownloadsTheResults() throws Exception {
        browser.get(session.page("portal/home.xhtml"));
        session.signInAtKeycloak("transport-staff");
        browser.get(session.page("portal/model.xhtml?name=traffic-flow-forecast"));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("open-batch"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("upload:file")));
        assertThat(browser.getCurrentUrl()).contains("/portal/batch.xhtml").contains("name=traffic-flow-forecast");
        var template =
                session.download(browser.findElement(By.id("batch-template")).getAttribute("href"));
        assertThat(template.statusCode()).isEqualTo(200);
        assertThat(template.body()).startsWith(BatchScoringIT.HEADER);
        Browser.screenshot(browser, "batch-1-page-zh");

        upload(PortalBrowser.uploadFile("counts-", BatchScoringIT.trafficCsv(12, 4)));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("batch-progress")));
        assertThat(browser.getCurrentUrl()).contains("job=");
        Browser.screenshot(browser, "batch-2-progress-zh");
        new WebDriverWait(browser, Duration.ofSeconds(120))
                .until(d -> !d.findElements(By.id("batch-download")).isEmpty());
        var progress = browser.findElement(By.id("batch-progress"));
        assertThat(progress.getAttribute("data-percent")).isEqualTo("100");
        assertThat(progress.getText()).contains("100%");
        assertThat(browser.findElement(By.id("batch-summary")).getText())
                .contains("11")
                .contains("1");
        var failure = browser.findElement(By.cssSelector("#batch-failures [data-line='6']"));
        assertThat(failure.getText()).contains("6").contains("hour_of_day").contains("0 – 23");
        assertThat(browser.findElements(By.cssSelector("#batch-failures li"))).hasSize(1);
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", failure);
        Browser.screenshot(browser, "batch-3-done-zh");

        var results =
                session.download(browser.findElement(By.id("batch-download")).getAttribute("href"));
        assertThat(results.statusCode()).isEqualTo(200);
        assertThat(results.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(results.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(d -> assertThat(d).startsWith("attachment"));
        var lines = BatchScoringIT.dataLines(results.body());
        assertThat(lines).hasSize(12);
        assertThat(lines.get(4)).startsWith("6,").contains(",400,").contains("hour_of_day");
        assertThat(lines.get(0)).startsWith("2,").endsWith(",OK,");
        var jobId = browser.getCurrentUrl().replaceAll(".*job=([0-9a-f-]+).*", "$1");
        assertThat(browser.findElement(By.cssSelector("#batch-recent tr[data-job='" + jobId + "']"))
                        .getAttribute("data-status"))
                .isEqualTo("DONE");

        upload(PortalBrowser.uploadFile(
                "counts-", BatchScoringIT.trafficCsv(2, -1).replace("is_holiday", "holiday")));
        var messages = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("upload:messages")));
        assertThat(messages.getText()).contains("holiday").contains("is_holiday");
        Browser.screenshot(browser, "batch-4-refused-zh");

        browser.findElement(By.id("language:en")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("content-title"), "Batch scoring"));
        Browser.screenshot(browser, "batch-5-en");
    }
}
