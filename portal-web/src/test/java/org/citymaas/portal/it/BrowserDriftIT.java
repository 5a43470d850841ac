package org.citymaas.portal.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.citymaas.portal.devstack.TestStack;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * An auditor opens the drift page from the menu: a department's burst of a busy road's peaks is flagged,
 * and its distribution shows next to the held-out reference, in both languages. Staff have no entry and
 * are refused.
 */
class BrowserDriftIT extends BrowserTest {

    private static final String PASSWORD = "Browser-drift-it-Pw-5";

    @Test
    void anAuditorSeesAFlaggedRowAndItsDistributionBesideTheReference() {
        var api = portal.toString().replaceAll("/$", "") + "/api/";
        var burst =
                DriftTraffic.subscribed(api, new KeycloakAdmin(TestStack.start().keycloak()), "drift-ui", PASSWORD);
        DriftTraffic.send(api, burst.token(), DriftTraffic.busy(250), 125);

        browser.get(session.page("portal/home.xhtml"));
        session.signInAtKeycloak("auditor");
        wait.until(ExpectedConditions.urlContains("/portal/home.xhtml"));
        browser.findElement(By.id("nav-drift")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("drift-table")));

        assertThat(browser.findElement(By.id("content-title")).getText()).isEqualTo("模型使用与漂移");
        var row = "tr[data-drift-row='" + burst.id() + "/" + DriftTraffic.MODEL + "/1']";
        assertThat(browser.findElement(By.cssSelector(row + " [data-cell='predictions']"))
                        .getText())
                .isEqualTo("250");
        assertThat(browser.findElement(By.cssSelector(row + " [data-verdict]")).getAttribute("data-verdict"))
                .isEqualTo("drift");
        assertThat(browser.findElement(By.cssSelector(row + " [data-verdict]")).getText())
                .isEqualTo("漂移");
        session.clickToNewPage(browser.findElement(By.cssSelector(row + " [data-show-row]")));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("drift-bars")));
        assertThat(browser.findElement(By.id("drift-detail-title")).getText()).contains(burst.id());
        var bins = browser.findElements(By.cssSelector("#drift-bars .cm-drift-bin"));
        assertThat(bins).hasSize(10);
        var top = bins.get(9);
        assertThat(top.findElement(By.cssSelector("[data-live]")).getText()).startsWith("100.0%");
        assertThat(top.findElement(By.cssSelector("[data-reference]")).getText())
                .matches("(9\\.\\d|10\\.\\d)%");
        assertThat(top.findElement(By.cssSelector(".cm-drift-bar.cm-drift-live"))
                        .getSize()
                        .getWidth())
                .isGreaterThan(top.findElement(By.cssSelector(".cm-drift-bar.cm-drift-reference"))
                                .getSize()
                                .getWidth()
                        * 5);
        browser.executeScript("arguments[0].scrollIntoView()", browser.findElement(By.id("drift-detail")));
        Browser.screenshot(browser, "drift-1-zh");

        browser.findElement(By.id("language:en")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("content-title"), "Live use and drift"));
        assertThat(browser.findElement(By.cssSelector(row + " [data-verdict]")).getText())
                .isEqualTo("Drift");
        assertThat(browser.findElement(By.id("drift-bars")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("drift-rule")).getText())
                .contains("0.2")
                .contains("200");
        browser.executeScript("arguments[0].scrollIntoView()", browser.findElement(By.id("drift-detail")));
        Browser.screenshot(browser, "drift-2-en");
    }

    @Test
    void staffSeeNoDriftEntryAndThePageRefusesThem() {
        browser.get(session.page("portal/home.xhtml"));
        session.signInAtKeycloak("transport-staff");
        wait.until(ExpectedConditions.urlContains("/portal/home.xhtml"));
        assertThat(browser.findElements(By.id("nav-drift"))).isEmpty();

        assertThat(Http.getWith(session.page("portal/admin/drift.xhtml"), Map.of("Cookie", session.cookieHeader()))
                        .status())
                .isEqualTo(403);
    }
}
