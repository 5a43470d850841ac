package org.citymaas.portal.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Staff find their department's models in the catalog and try one through the governed gateway. */
class BrowserCatalogIT extends BrowserTest {

    private WebElement field(String name) {
        return browser.findElement(By.cssSelector("[data-field='" + name + "']"));
    }

    private void type(String name, String value) {
        var input = field(name);
        input.clear();
        input.sendKeys(value);
    }

    @Test
    void transportStaffTriesTheirTrafficModelFromTheCatalog() {
        browser.get(session.page("portal/home.xhtml"));
        session.signInAtKeycloak("transport-staff");
        wait.until(ExpectedConditions.urlContains("/portal/home.xhtml"));

        browser.findElement(By.id("nav-catalog")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("catalog")));
        assertThat(browser.findElements(By.cssSelector("#catalog [data-model]")))
                .extracting(e -> e.getAttribute("data-model"))
                .as("only the department's own subscription")
                .contains("traffic-flow-forecast")
                .doesNotContain("health-risk", "education-score-predict");
        var card = browser.findElement(By.cssSelector("section[data-model='traffic-flow-forecast']"));
        assertThat(card.getText())
                .contains("recent_counts")
                .contains("vehicles/h")
                .contains("0 – 20000")
                .contains("mae_vehicles_per_hour")
                .contains("低风险")
                .contains("剩余请求");
        assertThat(card.findElement(By.cssSelector(".cm-model-link")).getText())
                .as("the card's Chinese title on the Chinese page")
                .isEqualTo("路段下一小时交通流量预测");
        assertThat(card.getText())
                .contains("不得用于执法")
                .doesNotContain("Road segment traffic flow")
                .doesNotContain("Not for enforcement");
        assertThat(card.findElement(By.cssSelector(".cm-card-fairness")).getAttribute("data-fairness"))
                .as("the card's fairness checks, judged against the platform's tolerances")
                .isEqualTo("within");
        assertThat(card.findElement(By.cssSelector(".cm-card-fairness")).getText())
                .contains("检查均在容差之内");
        Browser.screenshot(browser, "catalog-1-cards-zh");

        card.findElement(By.cssSelector("[data-open='traffic-flow-forecast']")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-field='recent_counts']")));
        assertThat(browser.getCurrentUrl()).contains("name=traffic-flow-forecast");
        assertThat(browser.findElement(By.id("content-title")).getText()).isEqualTo("路段下一小时交通流量预测");
        assertThat(browser.findElement(By.id("try")).getText()).contains("最近24小时的逐小时车流量");

        type("recent_counts", String.join(",", Collections.nCopies(24, "800")));
        type("hour_of_day", "8");
        type("day_of_week", "1");
        type("is_holiday", "0");
        type("precipitation_mm", "0");
        browser.findElement(By.id("try:run")).click();
        var forecast = wait.until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-output='vehicles_next_hour']")));
        assertThat(forecast.getText()).matches("-?[0-9][0-9,]*(\\.[0-9]+)?");
        assertThat(browser.findElement(By.id("request-id")).getText()).startsWith("ui-");
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", forecast);
        Browser.screenshot(browser, "catalog-2-forecast-zh");

        // out of range: refused by the gateway, named next to the field and in the messages
        type("hour_of_day", "30");
        browser.findElement(By.id("try:run")).click();
        var error =
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-error='hour_of_day']")));
        assertThat(error.getText()).contains("hour_of_day").contains("0 – 23");
        assertThat(browser.findElement(By.id("try:messages")).getText()).contains("hour_of_day");
        assertThat(browser.findElements(By.cssSelector("[data-output]"))).isEmpty();
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", error);
        Browser.screenshot(browser, "catalog-3-out-of-range-zh");

        // another department's model is simply not there
        browser.get(session.page("portal/model.xhtml?name=health-risk"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("not-found")));
        assertThat(browser.findElements(By.cssSelector("[data-field]"))).isEmpty();
        Browser.screenshot(browser, "catalog-4-not-subscribed-zh");

        browser.get(session.page("portal/model.xhtml?name=traffic-flow-forecast"));
        browser.findElement(By.id("language:en")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("nav-catalog"), "Model catalog"));
        assertThat(browser.findElements(By.cssSelector("[data-field='recent_counts']")))
                .as("the model page keeps its model across the language switch")
                .isNotEmpty();
        assertThat(browser.findElement(By.id("recording")).getAttribute("data-recording"))
                .isEqualTo("metadata");
        assertThat(browser.findElement(By.id("recording")).getText()).startsWith("Audit record: metadata");
        assertThat(browser.findElement(By.id("content-title")).getText())
                .as("the card's English title on the English page")
                .isEqualTo("Road segment traffic flow, next hour");
        assertThat(browser.findElement(By.id("try")).getText())
                .contains("Hourly vehicle counts of the last 24 hours")
                .doesNotContain("最近24小时的逐小时车流量");
        Browser.screenshot(browser, "catalog-5-model-en");

        browser.findElement(By.id("nav-catalog")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("catalog")));
        var english = browser.findElement(By.cssSelector("section[data-model='traffic-flow-forecast']"));
        assertThat(english.findElement(By.cssSelector(".cm-model-link")).getText())
                .isEqualTo("Road segment traffic flow, next hour");
        assertThat(english.getText()).contains("Not for enforcement").doesNotContain("路段下一小时交通流量预测");
    }

    @Test
    void hotlineStaffRouteAComplaintFromTheForm() {
        browser.get(session.page("portal/model.xhtml?name=complaint-routing"));
        session.signInAtKeycloak("hotline-staff");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-field='text']")));
        type("text", "我叫张伟，电话13812345678，小区门口的路灯坏了一个星期，晚上很黑，请尽快修理。");
        browser.findElement(By.id("try:run")).click();
        var department = wait.until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-output='department_probs']")));
        assertThat(department.getText())
                .as("the most likely handling department")
                .isNotBlank();
        assertThat(browser.findElement(By.cssSelector("[data-output='category_probs']"))
                        .getText())
                .isNotBlank();
        assertThat(browser.findElements(By.cssSelector(".cm-try-invalid"))).isEmpty();
        Browser.screenshot(browser, "catalog-6-complaint-routed-zh");
    }
}
