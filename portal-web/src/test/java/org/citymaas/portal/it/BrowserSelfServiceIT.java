package org.citymaas.portal.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.citymaas.portal.devstack.TestStack;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * A tenant admin's self-service in the browser, in a department the test makes: the home page links to the members
 * and API clients pages; a member is added and its temporary password shown once; a client's secret is rotated, the
 * new one shown once and working at Keycloak, the old one not; a rotation with a grace period of an hour keeps the old
 * one working until the admin ends it.
 */
class BrowserSelfServiceIT extends BrowserTest {

    private static final String PASSWORD = "Browser-self-Pw-7";

    private String infoDetail(String form) {
        var detail = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#" + form + "\\:messages .ui-messages-info-detail")));
        return detail.getText().strip();
    }

    @Test
    void aTenantAdminAddsAMemberAndRotatesAClientSecret() {
        var keycloak = new KeycloakAdmin(TestStack.start().keycloak());
        var api = portal.toString().replaceAll("/$", "") + "/api/";
        var department = FreshDepartments.withAdmin(api, "web", keycloak, PASSWORD);

        browser.get(session.page("portal/home.xhtml"));
        session.signInAtKeycloak(department + "-admin", PASSWORD);
        wait.until(ExpectedConditions.urlContains("/portal/home.xhtml"));
        assertThat(browser.findElement(By.id("home-manage")).getText())
                .contains("成员")
                .contains("API");
        browser.findElement(By.id("home-members")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("members:list")));
        assertThat(browser.findElement(By.id("members:list")).getText()).contains(department + "-admin");

        var username = department + "-web1";
        browser.findElement(By.id("members:username")).sendKeys(username);
        browser.findElement(By.id("members:email")).sendKeys(username + "@city.example");
        browser.findElement(By.id("members:name")).sendKeys("张网页");
        browser.findElement(By.id("members:addNew")).click();
        var password = infoDetail("members");
        assertThat(password).matches("[A-Za-z0-9]{16}");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-user='" + username + "']")));
        Browser.screenshot(browser, "selfservice-1-member-added");
        assertThat(keycloak.user(username).path("requiredActions").toString()).contains("UPDATE_PASSWORD");

        // shown once: the page afresh no longer holds it
        browser.navigate().refresh();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("members:list")));
        assertThat(browser.getPageSource()).doesNotContain(password);

        browser.findElement(By.id("nav-clients")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("clients:list")));
        var clientId = department + "-api";
        var old = keycloak.clientSecret(keycloak.client(clientId).get("id").asText());
        browser.findElement(By.xpath(
                        "//tr[.//span[@data-client='" + clientId + "']]//button[contains(@class,'cm-rotate')]"))
                .click();
        var secret = infoDetail("clients");
        assertThat(secret).isNotBlank().isNotEqualTo(old);
        Browser.screenshot(browser, "selfservice-2-secret-rotated");
        assertThat(ClientsIT.tokenAnswer(clientId, secret).statusCode()).isEqualTo(200);
        assertThat(ClientsIT.tokenAnswer(clientId, old).statusCode()).isEqualTo(401);
        browser.navigate().refresh();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("clients:list")));
        assertThat(browser.getPageSource()).doesNotContain(secret);

        // a rotation with a grace period: the old secret still works, until the admin ends it
        var row = "//tr[.//span[@data-client='" + clientId + "']]";
        var grace = new Select(browser.findElement(By.xpath(row + "//select[contains(@class,'cm-grace')]")));
        assertThat(grace.getOptions()).extracting(o -> o.getText()).containsExactly("无（立即失效）", "1 小时", "24 小时", "7 天");
        grace.selectByValue("PT1H");
        browser.findElement(By.xpath(row + "//button[contains(@class,'cm-rotate')]"))
                .click();
        var third = infoDetail("clients");
        assertThat(third).isNotBlank().isNotEqualTo(secret);
        var until = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath(row + "//span[contains(@class,'cm-old-secret-until')]")));
        assertThat(until.getAttribute("data-until")).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
        Browser.screenshot(browser, "selfservice-3-old-secret-in-grace");
        assertThat(ClientsIT.tokenAnswer(clientId, third).statusCode()).isEqualTo(200);
        assertThat(ClientsIT.tokenAnswer(clientId, secret).statusCode()).isEqualTo(200);
        browser.findElement(By.xpath(row + "//button[contains(@class,'cm-end-grace')]"))
                .click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath(row + "//*[contains(@class,'cm-old-secret-none')]")));
        assertThat(ClientsIT.tokenAnswer(clientId, secret).statusCode()).isEqualTo(401);
        assertThat(ClientsIT.tokenAnswer(clientId, third).statusCode()).isEqualTo(200);
    }
}
