package org.citymaas.portal.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * A platform admin grants a model to a department on the subscriptions page, limits it, is refused a
 * bad limit, and revokes it; every change lands in the audit log. Staff are not let in.
 */
class BrowserSubscriptionsIT extends BrowserTest {

    private static final String MODEL = "traffic-flow-forecast";

    @BeforeEach
    void waitsIgnoreStaleElements() {
        wait.ignoring(StaleElementReferenceException.class);
    }

    private By row(String department) {
        return By.xpath("//tr[.//span[@data-row='" + department + "/" + MODEL + "']]");
    }

    private String cell(String department, String name) {
        return browser.findElement(row(department))
                .findElement(By.cssSelector("[data-cell='" + name + "']"))
                .getText();
    }

    private String messages() {
        return browser.findElement(By.id("subscriptions:messages")).getText();
    }

    /** Submits with a button and waits until the AJAX answer has replaced the form. */
    private void press(WebElement button) {
        var before = browser.findElement(By.id("subscriptions:messages"));
        button.click();
        wait.until(ExpectedConditions.stalenessOf(before));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("subscriptions:messages")));
    }

    private void chooseGrant(String department) {
        new Select(browser.findElement(By.id("subscriptions:department"))).selectByValue(department);
        new Select(browser.findElement(By.id("subscriptions:model"))).selectByValue(MODEL);
        wait.until(d -> new Select(d.findElement(By.id("subscriptions:version")))
                .getOptions().stream().anyMatch(o -> "1".equals(o.getAttribute("value"))));
        new Select(browser.findElement(By.id("subscriptions:version"))).selectByValue("1");
    }

    private void typeLimits(String department, String requests, String rows) {
        press(browser.findElement(row(department)).findElement(By.cssSelector("button[id$=':edit']")));
        var requestLimit = browser.findElement(By.id("subscriptions:requestLimit"));
        requestLimit.clear();
        requestLimit.sendKeys(requests);
        var rowLimit = browser.findElement(By.id("subscriptions:rowLimit"));
        rowLimit.clear();
        rowLimit.sendKeys(rows);
        press(browser.findElement(By.id("subscriptions:saveQuota")));
    }

    @Test
    void aPlatformAdminGrantsLimitsAndRevokesAModel() {
        var department = FreshDepartments.create(session.page("api/"), "subs");
        var subscription = "tenants/" + department + "/subscriptions/" + MODEL;
        browser.get(session.page("portal/home.xhtml"));
        session.signInAtKeycloak("platform-admin");
        wait.until(ExpectedConditions.urlContains("/portal/home.xhtml"));

        browser.findElement(By.id("nav-subscriptions")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("subscriptions:list")));
        assertThat(browser.findElement(By.id("subscriptions:list")).getText())
                .as("every department's subscriptions")
                .contains("transport", "health-risk");
        assertThat(browser.findElements(row(department))).isEmpty();

        chooseGrant(department);
        press(browser.findElement(By.id("subscriptions:grant")));
        assertThat(messages()).contains(department).contains(MODEL);
        assertThat(cell(department, "version")).isEqualTo("1");
        assertThat(cell(department, "granted")).startsWith("platform-admin · 20");
        assertThat(cell(department, "requests")).isEqualTo("0 / 不限");
        assertThat(cell(department, "rows")).isEqualTo("0 / 不限");
        assertThat(TestDatabase.auditEvents("platform-admin", "subscription.grant", subscription))
                .isEqualTo(1);
        browser.executeScript("window.scrollTo(0, 0)");
        Browser.screenshot(browser, "subscriptions-1-granted-zh");

        // granting it again is refused, naming the field; the pin stays as it was
        chooseGrant(department);
        new Select(browser.findElement(By.id("subscriptions:version"))).selectByValue("");
        press(browser.findElement(By.id("subscriptions:grant")));
        assertThat(messages()).contains("模型：").contains("已订阅");
        assertThat(browser.findElements(row(department))).hasSize(1);
        assertThat(cell(department, "version")).isEqualTo("1");
        assertThat(TestDatabase.auditEvents("platform-admin", "subscription.grant", subscription))
                .isEqualTo(1);

        typeLimits(department, "100", "5000");
        assertThat(messages()).contains("100").contains("5000");
        assertThat(cell(department, "requests")).isEqualTo("0 / 100");
        assertThat(cell(department, "rows")).isEqualTo("0 / 5000");
        assertThat(TestDatabase.auditEvents(
                        "platform-admin", "quota.set", "tenants/" + department + "/quotas/" + MODEL))
                .isEqualTo(1);
        Browser.screenshot(browser, "subscriptions-2-quota-set-zh");

        // a negative or non-numeric limit is refused with a message naming the field; nothing changes
        typeLimits(department, "-5", "5000");
        assertThat(messages()).containsOnlyOnce("每月请求上限").contains("不小于 0 的整数");
        browser.executeScript("window.scrollTo(0, 0)");
        Browser.screenshot(browser, "subscriptions-3-refused-zh");
        typeLimits(department, "100", "lots");
        assertThat(messages()).contains("每月数据行上限");
        press(browser.findElement(By.id("subscriptions:cancelQuota")));
        assertThat(cell(department, "requests")).isEqualTo("0 / 100");
        assertThat(cell(department, "rows")).isEqualTo("0 / 5000");
        assertThat(TestDatabase.auditEvents(
                        "platform-admin", "quota.set", "tenants/" + department + "/quotas/" + MODEL))
                .isEqualTo(1);

        browser.findElement(row(department))
                .findElement(By.cssSelector("button[id$=':revoke']"))
                .click();
        var yes = wait.until(ExpectedConditions.elementToBeClickable(By.id("subscriptions:confirmYes")));
        Browser.screenshot(browser, "subscriptions-4-confirm-revoke-zh");
        press(yes);
        assertThat(messages()).contains("已停用");
        assertThat(browser.findElements(row(department))).isEmpty();
        assertThat(TestDatabase.auditEvents("platform-admin", "subscription.revoke", subscription))
                .isEqualTo(1);

        browser.findElement(By.id("language:en")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("content-title"), "Subscriptions"));
        assertThat(browser.findElement(By.id("subscriptions:list")).getText())
                .contains("All versions")
                .contains("no limit");
        Browser.screenshot(browser, "subscriptions-5-list-en");
    }

    @Test
    void staffAreNotLetIn() {
        browser.get(session.page("portal/home.xhtml"));
        session.signInAtKeycloak("environment-staff");
        wait.until(ExpectedConditions.urlContains("/portal/home.xhtml"));
        assertThat(browser.findElements(By.id("nav-subscriptions"))).isEmpty();

        browser.get(session.page("portal/admin/subscriptions.xhtml"));
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("content-title")))
                        .getText())
                .isIn("无权访问", "Not allowed");
        assertThat(browser.findElements(By.id("subscriptions:list"))).isEmpty();
        Browser.screenshot(browser, "subscriptions-6-forbidden");
    }
}
