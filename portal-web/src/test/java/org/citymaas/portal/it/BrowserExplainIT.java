package org.citymaas.portal.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The model page's "explain": the answer's attribution chart, in Chinese and in English. */
class BrowserExplainIT extends BrowserTest {

    private WebElement field(String name) {
        return browser.findElement(By.cssSelector("[data-field='" + name + "']"));
    }

    private void type(String name, String value) {
        var input = field(name);
        input.clear();
        input.sendKeys(value);
    }

    private void fillTraffic() {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-field='recent_counts']")));
        type("recent_counts", String.join(",", Collections.nCopies(24, "900")));
        type("hour_of_day", "8");
        type("day_of_week", "1");
        type("is_holiday", "0");
        type("precipitation_mm", "2.5");
    }

    private WebElement explain() {
        browser.findElement(By.id("try:explain")).click();
        var chart = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("attribution-chart")));
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", chart);
        return chart;
    }

    private List<String> features() {
        return browser.findElements(By.cssSelector("#attribution-chart [data-feature]")).stream()
                .map(e -> e.getAttribute("data-feature"))
                .toList();
    }

    @Test
    void transportStaffSeeWhatMovedTheirTrafficForecastInBothLanguages() {
        browser.get(session.page("portal/model.xhtml?name=traffic-flow-forecast"));
        session.signInAtKeycloak("transport-staff");
        fillTraffic();

        explain();

        assertThat(browser.findElement(By.cssSelector("[data-output='vehicles_next_hour']"))
                        .getText())
                .as("the answer is shown with its attribution")
                .matches("-?[0-9][0-9,]*(\\.[0-9]+)?");
        assertThat(features())
                .containsExactlyInAnyOrder(
                        "recent_counts", "hour_of_day", "day_of_week", "is_holiday", "precipitation_mm");
        assertThat(browser.findElement(By.id("explain-method")).getText()).contains("精确 Shapley 值");
        assertThat(browser.findElement(By.id("try:attribution")).getText())
                .contains("基线点：训练数据中各输入的均值")
                .contains("各项贡献之和等于预测值减基线")
                .contains("使预测升高");
        assertThat(browser.findElement(By.id("explain-output")).getText()).isEqualTo("vehicles_next_hour");
        assertThat(browser.findElements(By.cssSelector(
                        "#attribution-chart .cm-attribution-up, #attribution-chart" + " .cm-attribution-down")))
                .as("one bar per input")
                .hasSize(5);
        assertThat(browser.findElements(By.cssSelector("#attribution-chart [data-value]")))
                .allSatisfy(bar -> assertThat(bar.getAttribute("data-value")).matches("[+-][0-9.]+"));
        Browser.screenshot(browser, "explain-1-traffic-zh");

        browser.findElement(By.id("language:en")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("nav-catalog"), "Model catalog"));
        fillTraffic();
        explain();

        assertThat(browser.findElement(By.id("explain-method")).getText()).contains("Exact Shapley values");
        assertThat(browser.findElement(By.id("try:attribution")).getText())
                .contains("Attribution")
                .contains("the training data's mean of each input")
                .contains("The shares add up to the prediction minus the baseline")
                .doesNotContain("精确");
        assertThat(features()).hasSize(5);
        Browser.screenshot(browser, "explain-2-traffic-en");
    }

    @Test
    void hotlineStaffSeeTheTokensThatRoutedAComplaintOnItsMaskedText() {
        browser.get(session.page("portal/model.xhtml?name=complaint-routing"));
        session.signInAtKeycloak("hotline-staff");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-field='text']")));
        type("text", "来电人张伟反映，公交站台的站牌倒了，候车亭玻璃碎了，联系电话13812345678。");

        explain();

        assertThat(browser.findElement(By.id("explain-method")).getText()).contains("遮挡法");
        assertThat(browser.findElement(By.id("try:attribution")).getText())
                .contains("归因基于脱敏后的文本")
                .contains("基线：空文本")
                .doesNotContain("张伟")
                .doesNotContain("13812345678");
        assertThat(features()).isNotEmpty().doesNotContain("伟");
        assertThat(browser.findElement(By.id("try:explain-label")).getText()).isNotBlank();
        Browser.screenshot(browser, "explain-3-complaint-zh");
    }
}
