package org.citymaas.portal.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** A tenant admin reads the department's usage as a chart and a table, in Chinese and in English. */
class BrowserUsageIT extends BrowserTest {

    @Test
    void transportAdminReadsTheMonthsUsageAsChartAndTable() {
        var call = Http.post(
                portal.toString().replaceAll("/$", "") + "/api/v2/models/traffic-flow-forecast/infer",
                DemoTokens.serviceToken("transport"),
                TrafficRequests.body(1, 8),
                Map.of("X-Request-Id", "browser-usage-" + UUID.randomUUID()));
        assertThat(call.status()).as(call.body()).isEqualTo(200);
        var month = YearMonth.now(ZoneId.of("Asia/Shanghai")).toString();

        browser.get(session.page("portal/home.xhtml"));
        session.signInAtKeycloak("transport-admin");
        wait.until(ExpectedConditions.urlContains("/portal/home.xhtml"));
        browser.findElement(By.id("nav-usage")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("usage-table")));

        assertThat(browser.findElement(By.id("content-title")).getText()).isEqualTo("部门用量统计");
        assertThat(new Select(browser.findElement(By.id("usage-month")))
                        .getFirstSelectedOption()
                        .getAttribute("value"))
                .isEqualTo(month);
        var canvas = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#usage-chart canvas")));
        assertThat(canvas.getSize().getHeight()).as("the chart is drawn").isPositive();
        assertThat(browser.findElement(By.id("usage-table")).getText())
                .contains("traffic-flow-forecast")
                .contains("请求数");
        assertThat(browser.findElement(By.id("usage-totals")).getText()).contains("traffic-flow-forecast");
        assertThat(browser.findElement(By.id("usage-export")).getAttribute("href"))
                .contains("export=csv")
                .contains("month=" + month);
        Browser.screenshot(browser, "usage-1-month-zh");
        var download = Http.getWith(
                browser.findElement(By.id("usage-export")).getAttribute("href"),
                Map.of("Cookie", session.cookieHeader()));
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.header("Content-Disposition")).contains("usage-transport-" + month + ".csv");
        assertThat(download.body())
                .startsWith("\uFEFFdepartment,month,day,model,requests,rows,compute_ms")
                .contains("transport," + month + ",total,traffic-flow-forecast,");

        browser.findElement(By.id("language:en")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("content-title"), "Department usage"));
        assertThat(browser.getCurrentUrl())
                .as("the month survives the language switch")
                .contains("month=" + month);
        assertThat(browser.findElement(By.id("usage-table")).getText())
                .contains("traffic-flow-forecast")
                .contains("Requests");
        assertThat(browser.findElements(By.cssSelector("#usage-chart canvas"))).isNotEmpty();
        Browser.screenshot(browser, "usage-2-month-en");

        browser.get(session.page("portal/usage.xhtml?month=2026-13"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("usage-error")));
        assertThat(browser.findElement(By.id("usage-error")).getText()).contains("YYYY-MM");
        assertThat(browser.findElements(By.id("usage-table"))).isEmpty();
        assertThat(new Select(browser.findElement(By.id("usage-month"))).getOptions())
                .as("the picker still offers the months there are")
                .isNotEmpty();
        Browser.screenshot(browser, "usage-3-bad-month-en");

        browser.get(session.page("portal/usage.xhtml?department=health"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("usage-error")));
        assertThat(browser.findElements(By.id("usage-table")))
                .as("another department's usage")
                .isEmpty();
    }

    @Test
    void staffSeeTheirOwnHistoryButNoDepartmentUsage() {
        var requestId = "browser-history-" + UUID.randomUUID();
        var call = Http.post(
                portal.toString().replaceAll("/$", "") + "/api/v2/models/traffic-flow-forecast/infer",
                DemoTokens.userToken("transport-staff"),
                TrafficRequests.body(1, 8),
                Map.of("X-Request-Id", requestId));
        assertThat(call.status()).as(call.body()).isEqualTo(200);

        browser.get(session.page("portal/home.xhtml"));
        session.signInAtKeycloak("transport-staff");
        wait.until(ExpectedConditions.urlContains("/portal/home.xhtml"));
        assertThat(browser.findElements(By.id("nav-usage"))).isEmpty();
        browser.findElement(By.id("nav-history")).click();
        var table = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("history-table")));

        assertThat(table.getText())
                .contains(requestId)
                .contains("traffic-flow-forecast")
                .contains("成功");
        assertThat(table.findElement(By.xpath(".//tr[contains(., '" + requestId + "')]//span[@data-kind]"))
                        .getText())
                .as("the kind of the request, in Chinese")
                .isEqualTo("推理");
        Browser.screenshot(browser, "history-1-mine-zh");

        browser.get(session.page("portal/usage.xhtml"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("content-title"), "无权访问"));
        assertThat(browser.findElements(By.id("usage-table"))).isEmpty();
    }
}
