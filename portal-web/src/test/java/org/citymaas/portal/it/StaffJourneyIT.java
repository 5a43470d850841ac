package org.citymaas.portal.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collections;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The governed-inference acceptance journey in a real browser: transport staff run the traffic model's
 * form and a CSV batch (progress to the end, results downloaded); the department's usage page then
 * counts both, one request per form run and per batch line.
 */
class StaffJourneyIT extends BrowserTest {

    private static final String MODEL = "traffic-flow-forecast";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Today's (Asia/Shanghai) requests and rows of the model in the department's usage API. */
    private long[] todaysUsageFromTheApi() throws Exception {
        var answer = Http.get(
                portal.toString().replaceAll("/$", "") + "/api/v1/usage", DemoTokens.userToken("transport-admin"));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        var day = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        return StreamSupport.stream(JSON.readTree(answer.body()).get("days").spliterator(), false)
                .filter(d -> d.get("day").asText().equals(day)
                        && d.get("model").asText().equals(MODEL))
                .findFirst()
                .map(d -> new long[] {d.get("requests").asLong(), d.get("rows").asLong()})
                .orElse(new long[] {0, 0});
    }

    private void type(String field, String value) {
        var input = browser.findElement(By.cssSelector("[data-field='" + field + "']"));
        input.clear();
        input.sendKeys(value);
    }

    private static String cell(WebElement row, int column) {
        return row.findElements(By.tagName("td")).get(column).getText().trim();
    }

    @Test
    void transportStaffRunTheFormAndABatchAndTheUsagePageCountsBoth() throws Exception {
        var before = todaysUsageFromTheApi();

        // 1. the form: one forecast
        browser.get(session.page("portal/home.xhtml"));
        session.signInAtKeycloak("transport-staff");
        wait.until(ExpectedConditions.urlContains("/portal/home.xhtml"));
        browser.findElement(By.id("nav-catalog")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-open='" + MODEL + "']")))
                .click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-field='recent_counts']")));
        type("recent_counts", String.join(",", Collections.nCopies(24, "950")));
        type("hour_of_day", "17");
        type("day_of_week", "4");
        type("is_holiday", "0");
        type("precipitation_mm", "2.5");
        browser.findElement(By.id("try:run")).click();
        var forecast = wait.until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-output='vehicles_next_hour']")));
        assertThat(forecast.getText()).matches("-?[0-9][0-9,]*(\\.[0-9]+)?");
        var formRequestId = browser.findElement(By.id("request-id")).getText();
        Browser.screenshot(browser, "journey-1-form-forecast");

        // 2. a CSV batch of 6 lines: progress bar to 100 %, then the results file
        browser.findElement(By.id("open-batch")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("upload:file")))
                .sendKeys(PortalBrowser.uploadFile("journey-", BatchScoringIT.trafficCsv(6, -1))
                        .toString());
        browser.findElement(By.id("upload:submit")).click();
        var progress = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("batch-progress")));
        assertThat(progress.getAttribute("data-percent")).matches("[0-9]{1,3}");
        Browser.screenshot(browser, "journey-2-batch-progress");
        new WebDriverWait(browser, Duration.ofSeconds(120))
                .until(d -> !d.findElements(By.id("batch-download")).isEmpty());
        assertThat(browser.findElement(By.id("batch-progress")).getAttribute("data-percent"))
                .isEqualTo("100");
        assertThat(browser.findElements(By.cssSelector("#batch-failures li"))).isEmpty();
        Browser.screenshot(browser, "journey-3-batch-done");
        var results =
                session.download(browser.findElement(By.id("batch-download")).getAttribute("href"));
        assertThat(results.statusCode()).isEqualTo(200);
        var lines = BatchScoringIT.dataLines(results.body());
        assertThat(lines).hasSize(6).allSatisfy(line -> assertThat(line).endsWith(",OK,"));

        // 3. the staff member's own history holds the form's request
        browser.findElement(By.id("nav-history")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("history-table")));
        assertThat(browser.findElement(By.id("history-table")).getText()).contains(formRequestId);
        session.signOut();

        // 4. the department's usage page (tenant admin): today's row counts the form run and the 6 lines
        browser.get(session.page("portal/usage.xhtml"));
        session.signInAtKeycloak("transport-admin");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("usage-table")));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#usage-chart canvas")));
        var today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        var row = browser.findElements(By.cssSelector("#usage-table tbody tr")).stream()
                .filter(r -> r.findElements(By.tagName("td")).size() >= 4
                        && cell(r, 0).equals(today)
                        && cell(r, 1).equals(MODEL))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + MODEL + " on " + today));
        var after = todaysUsageFromTheApi();
        assertThat(after)
                .as("today's requests and rows: the form run and the 6 batch lines, one row each")
                .containsExactly(before[0] + 7, before[1] + 7);
        assertThat(Long.parseLong(cell(row, 2))).isEqualTo(after[0]);
        assertThat(Long.parseLong(cell(row, 3))).isEqualTo(after[1]);
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", row);
        Browser.screenshot(browser, "journey-4-usage");
    }
}
