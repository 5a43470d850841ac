package org.citymaas.portal.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.citymaas.portal.devstack.TestStack;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The access request round trip in the browser: staff ask for a model in the catalog with a justification, a
 * platform admin grants it with a quota on the access requests page, and the staff find it granted and open it.
 */
class BrowserAccessRequestIT extends BrowserTest {

    private static final String PASSWORD = "Access-browser-Pw-7";
    private static final String MODEL = "traffic-flow-forecast";

    @BeforeEach
    void waitsIgnoreStaleElements() {
        wait.ignoring(StaleElementReferenceException.class);
    }

    private String staffOf(String department) {
        var keycloak = new KeycloakAdmin(TestStack.start().keycloak());
        keycloak.setPassword(department + "-admin", PASSWORD);
        var admin = TestStack.start().keycloak().userToken(department + "-admin", PASSWORD);
        var username = department + "-staff";
        var added = Http.post(
                session.page("api/v1/tenants/" + department + "/members"),
                admin,
                Http.json(Map.of(
                        "username", username, "email", username + "@city.example", "name", "职员", "role", "staff")));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        keycloak.setPassword(username, PASSWORD);
        return username;
    }

    private void openCatalogAs(String username, String password) {
        browser.get(session.page("portal/catalog.xhtml"));
        session.signInAtKeycloak(username, password);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("access-title")));
    }

    private WebElement requestRow() {
        return browser.findElement(By.cssSelector("#access-requests tr[data-model='" + MODEL + "']"));
    }

    private void ask(String justification) {
        var field = browser.findElement(By.cssSelector("[data-justification='" + MODEL + "']"));
        field.clear();
        field.sendKeys(justification);
        var button = browser.findElement(By.cssSelector("[data-request='" + MODEL + "']"));
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", button);
        button.click();
        wait.until(ExpectedConditions.stalenessOf(button));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("access-title")));
    }

    /** Submits with a button and waits until the AJAX answer has replaced the form. */
    private void press(WebElement button) {
        var before = browser.findElement(By.id("access:messages"));
        button.click();
        wait.until(ExpectedConditions.stalenessOf(before));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("access:messages")));
    }

    @Test
    void staffAskAPlatformAdminGrantsAndTheStaffOpenTheModel() {
        var department = FreshDepartments.create(session.page("api/"), "acb");
        var staff = staffOf(department);

        openCatalogAs(staff, PASSWORD);
        assertThat(browser.findElements(By.cssSelector("#catalog [data-model]")))
                .as("the department has no model yet")
                .isEmpty();
        assertThat(browser.findElements(By.cssSelector("#catalog-available [data-available]")))
                .extracting(e -> e.getAttribute("data-available"))
                .as("every published model is offered")
                .contains(MODEL, "health-risk", "complaint-routing");

        // a justification is required, and one with a bidirectional override is refused at the field
        ask("   ");
        assertThat(browser.findElement(By.id("access-messages")).getText()).contains("申请理由");
        ask("规划\u202E需要");
        assertThat(browser.findElement(By.id("access-messages")).getText()).contains("申请理由");
        assertThat(browser.findElements(By.cssSelector("#access-requests tr[data-model]")))
                .isEmpty();

        ask("路口信号配时优化需要未来一小时车流预测");
        assertThat(browser.findElement(By.id("access-messages")).getText()).contains(MODEL);
        assertThat(browser.findElement(By.cssSelector("[data-pending='" + MODEL + "']"))
                        .getText())
                .contains("等待");
        assertThat(requestRow().getAttribute("data-status")).isEqualTo("PENDING");
        assertThat(requestRow()
                        .findElement(By.cssSelector("[data-cell='status']"))
                        .getText())
                .isEqualTo("待审批");
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", requestRow());
        Browser.screenshot(browser, "access-1-requested-zh");
        session.signOut();

        browser.get(session.page("portal/home.xhtml"));
        session.signInAtKeycloak("platform-admin");
        browser.findElement(By.id("nav-access-requests")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("access:pending")));
        var row = By.xpath("//tr[.//code[@data-request-row='" + department + "/" + MODEL + "']]");
        assertThat(browser.findElement(row).getText()).contains("路口信号配时优化");
        press(browser.findElement(row).findElement(By.cssSelector("button[id$=':decide']")));
        browser.findElement(By.id("access:requestLimit")).sendKeys("-3");
        browser.findElement(By.id("access:rowLimit")).sendKeys("500");
        press(browser.findElement(By.id("access:grant")));
        assertThat(browser.findElement(By.id("access:messages")).getText()).contains("每月请求上限");
        var requestLimit = browser.findElement(By.id("access:requestLimit"));
        requestLimit.clear();
        requestLimit.sendKeys("50");
        Browser.screenshot(browser, "access-2-decide-zh");
        press(browser.findElement(By.id("access:grant")));
        assertThat(browser.findElement(By.id("access:messages")).getText())
                .contains(department)
                .contains(MODEL);
        assertThat(browser.findElements(row)).isEmpty();
        var decided = By.xpath("//tr[.//code[@data-decided-row='" + department + "/" + MODEL + "']]");
        assertThat(browser.findElement(decided).getText()).contains("已批准").contains("50 / 500");
        Browser.screenshot(browser, "access-3-granted-zh");
        session.signOut();

        openCatalogAs(staff, PASSWORD);
        assertThat(requestRow().getAttribute("data-status")).isEqualTo("GRANTED");
        assertThat(requestRow()
                        .findElement(By.cssSelector("[data-cell='decision']"))
                        .getText())
                .contains("platform-admin")
                .contains("50 / 500");
        assertThat(browser.findElements(By.cssSelector("#catalog-available [data-available='" + MODEL + "']")))
                .isEmpty();
        var card = browser.findElement(By.cssSelector("#catalog section[data-model='" + MODEL + "']"));
        assertThat(card.findElement(By.cssSelector("[data-quota='requests']")).getText())
                .isEqualTo("50");
        Browser.screenshot(browser, "access-4-staff-sees-granted-zh");
        browser.findElement(By.id("language:en")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("access-title"), "request access"));
        assertThat(requestRow()
                        .findElement(By.cssSelector("[data-cell='status']"))
                        .getText())
                .isEqualTo("Granted");
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", requestRow());
        Browser.screenshot(browser, "access-5-granted-en");
        card = browser.findElement(By.cssSelector("#catalog section[data-model='" + MODEL + "']"));
        card.findElement(By.cssSelector("[data-open='" + MODEL + "']")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-field='recent_counts']")));
        assertThat(browser.getCurrentUrl()).contains("name=" + MODEL);
    }
}
