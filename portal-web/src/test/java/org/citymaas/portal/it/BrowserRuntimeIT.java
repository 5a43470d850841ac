package org.citymaas.portal.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** A platform admin reads the runtime page: requests, latency and refusals per model and department, batches, audit. */
class BrowserRuntimeIT extends BrowserTest {

    private static final String TRAFFIC_ROW = "[data-request-row='traffic-flow-forecast/transport']";
    private static final String REFUSED_ROW = "[data-request-row='health-risk/transport']";

    private String cell(String row, String cell) {
        return browser.findElement(By.cssSelector("tr:has(" + row + ") [data-cell='" + cell + "']"))
                .getText();
    }

    @Test
    void platformAdminSeesTheFiguresOfTheRequestsJustMadeInBothLanguages() {
        var api = portal.toString().replaceAll("/$", "") + "/api/v2/models/";
        var token = DemoTokens.serviceToken("transport");
        var answered = Http.post(
                api + "traffic-flow-forecast/infer",
                token,
                TrafficRequests.body(1, 8),
                Map.of("X-Request-Id", "browser-runtime-" + UUID.randomUUID()));
        var refused = Http.post(api + "health-risk/infer", token, TrafficRequests.body(1, 8));
        assertThat(answered.status()).as(answered.body()).isEqualTo(200);
        assertThat(refused.status()).as(refused.body()).isEqualTo(404);

        browser.get(session.page("portal/home.xhtml"));
        session.signInAtKeycloak("platform-admin");
        wait.until(ExpectedConditions.urlContains("/portal/home.xhtml"));
        browser.findElement(By.id("nav-runtime")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("requests")));

        assertThat(browser.findElement(By.id("content-title")).getText()).isEqualTo("运行监控");
        assertThat(Long.parseLong(cell(TRAFFIC_ROW, "ok"))).isPositive();
        assertThat(Double.parseDouble(cell(TRAFFIC_ROW, "p50")))
                .as("p50 in ms")
                .isPositive()
                .isLessThan(30_000);
        assertThat(Double.parseDouble(cell(TRAFFIC_ROW, "p95")))
                .isGreaterThanOrEqualTo(Double.parseDouble(cell(TRAFFIC_ROW, "p50")));
        assertThat(Long.parseLong(cell(REFUSED_ROW, "refused"))).isPositive();
        assertThat(Long.parseLong(browser.findElement(By.id("batches")).getText()))
                .isPositive();
        assertThat(browser.findElement(By.id("batch-rows-p50")).getText()).startsWith("≤ ");
        assertThat(Long.parseLong(browser.findElement(By.id("audit-appends")).getText()))
                .isPositive();
        assertThat(Double.parseDouble(browser.findElement(By.id("audit-p50")).getText()))
                .isPositive();
        Browser.screenshot(browser, "runtime-1-zh");

        browser.findElement(By.id("language:en")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("content-title"), "Runtime"));
        assertThat(browser.findElement(By.id("requests")).getText())
                .contains("traffic-flow-forecast")
                .contains("p95 latency (ms)");
        assertThat(browser.findElement(By.id("runtime-batches")).getText()).contains("Batches run");
        Browser.screenshot(browser, "runtime-2-en");
    }

    @Test
    void staffSeeNoRuntimeEntryAndThePageRefusesThem() {
        browser.get(session.page("portal/home.xhtml"));
        session.signInAtKeycloak("transport-staff");
        wait.until(ExpectedConditions.urlContains("/portal/home.xhtml"));
        assertThat(browser.findElements(By.id("nav-runtime"))).isEmpty();

        browser.get(session.page("portal/admin/runtime.xhtml"));
        assertThat(browser.findElements(By.id("requests"))).isEmpty();
        assertThat(Http.getWith(session.page("portal/admin/runtime.xhtml"), Map.of("Cookie", session.cookieHeader()))
                        .status())
                .isEqualTo(403);
    }
}
