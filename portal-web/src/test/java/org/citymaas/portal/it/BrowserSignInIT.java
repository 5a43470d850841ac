package org.citymaas.portal.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** A person signs in to the portal in a real browser, through Keycloak's own login page. */
class BrowserSignInIT extends BrowserTest {

    private String text(String id) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)))
                .getText();
    }

    @Test
    void transportStaffSignsInSeesTheirDepartmentAndSignsOut() {
        browser.get(session.page("portal/home.xhtml"));
        Browser.screenshot(browser, "1-keycloak-login");
        session.signInAtKeycloak("transport-staff");

        wait.until(ExpectedConditions.urlContains("/portal/home.xhtml"));
        var signIns = TestDatabase.auditEvents("transport-staff", "signin", "browser");
        var signOuts = TestDatabase.auditEvents("transport-staff", "signout", "browser");
        assertThat(signIns).as("the sign-in is on the record").isPositive();
        assertThat(text("department")).contains("交通运输局").contains("transport");
        assertThat(text("topbar-department")).isEqualTo("交通运输局");
        assertThat(text("account")).isEqualTo("transport-staff");
        assertThat(browser.findElements(By.cssSelector("#roles [data-role]")))
                .extracting(e -> e.getAttribute("data-role"))
                .containsExactly("staff");
        assertThat(browser.findElements(By.id("nav-departments")))
                .as("no platform admin menu")
                .isEmpty();
        Browser.screenshot(browser, "2-home-transport-staff-zh");

        browser.findElement(By.id("language:en")).click();
        wait.until(ExpectedConditions.textToBe(By.id("topbar-department"), "Transport Bureau"));
        assertThat(text("welcome")).startsWith("Welcome");
        Browser.screenshot(browser, "3-home-transport-staff-en");

        browser.findElement(By.cssSelector("#signout button")).click();
        wait.until(ExpectedConditions.urlContains("/index.xhtml"));
        assertThat(browser.findElements(By.id("signin"))).isNotEmpty();
        assertThat(TestDatabase.auditEvents("transport-staff", "signout", "browser"))
                .as("the sign-out is on the record")
                .isEqualTo(signOuts + 1);
        Browser.screenshot(browser, "4-signed-out");

        // the Keycloak session ended too: the portal asks for credentials again
        browser.get(session.page("portal/home.xhtml"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        assertThat(browser.getCurrentUrl()).contains("/realms/citymaas/");
    }

    @Test
    void aLinkToAPortalPageOpensThatPageOnceSignedIn() {
        browser.get(session.page("portal/batch.xhtml?name=traffic-flow-forecast"));
        session.signInAtKeycloak("transport-staff");

        wait.until(ExpectedConditions.urlContains("/portal/batch.xhtml?name=traffic-flow-forecast"));
        assertThat(text("content-title")).startsWith("批量评分");
        assertThat(browser.findElements(By.id("upload:file"))).isNotEmpty();
    }

    @Test
    void staffCannotOpenThePlatformAdminsPages() {
        browser.get(session.page("portal/admin/departments.xhtml"));
        session.signInAtKeycloak("health-staff");

        browser.get(session.page("portal/admin/departments.xhtml"));
        assertThat(text("content-title")).isIn("无权访问", "Not allowed");
        Browser.screenshot(browser, "5-forbidden");
    }

    @Test
    void aPlatformAdminCreatesADepartmentOnItsPage() {
        browser.get(session.page("portal/home.xhtml"));
        session.signInAtKeycloak("platform-admin");
        wait.until(ExpectedConditions.urlContains("/portal/home.xhtml"));
        assertThat(text("department")).isEqualTo("全平台（不属于任何部门）");

        browser.findElement(By.id("nav-departments")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("departments:list")));
        // the list is paged; the search finds a department on any page
        searchDepartments("transport", "交通运输局");
        assertThat(browser.findElement(By.id("departments:list")).getText()).doesNotContain("教育局");

        var slug = "water-" + Long.toString(System.nanoTime(), 36);
        browser.findElement(By.id("departments:id")).sendKeys(slug);
        browser.findElement(By.id("departments:nameZh")).sendKeys("水务局");
        browser.findElement(By.id("departments:nameEn")).sendKeys("Water Authority");
        browser.findElement(By.id("departments:adminUsername")).sendKeys(slug + "-admin");
        browser.findElement(By.id("departments:adminEmail")).sendKeys(slug + "@city.example");
        browser.findElement(By.id("departments:adminName")).sendKeys("王水");
        browser.findElement(By.id("departments:create")).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("departments:messages"), slug));
        assertThat(browser.findElement(By.id("departments:messages")).getText()).contains("临时密码");
        assertThat(browser.findElement(By.id("departments:search")).getAttribute("value"))
                .as("the list shows the department just created")
                .isEqualTo(slug);
        assertThat(browser.findElement(By.id("departments:list")).getText()).contains("水务局");
        Browser.screenshot(browser, "6-department-created");

        // a bad id is refused with a readable message, and nothing is created
        browser.findElement(By.id("departments:id")).sendKeys("Bad Id");
        browser.findElement(By.id("departments:nameZh")).sendKeys("坏");
        browser.findElement(By.id("departments:nameEn")).sendKeys("Bad");
        browser.findElement(By.id("departments:adminUsername")).sendKeys("bad-admin");
        browser.findElement(By.id("departments:adminEmail")).sendKeys("bad@city.example");
        browser.findElement(By.id("departments:adminName")).sendKeys("坏人");
        browser.findElement(By.id("departments:create")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("departments:messages"), "部门标识"));
        assertThat(browser.findElement(By.id("departments:messages")).getText())
                .as("each refusal is said once")
                .containsOnlyOnce("部门标识")
                .as("the rule in the page's language")
                .contains("以字母开头")
                .doesNotContain("starting with a letter");
        searchDepartments("Bad", "暂无部门");
        Browser.screenshot(browser, "7-department-refused");
    }

    /**
     * Types the text into the departments search and waits until the list shows the search's answer: the list
     * the search rendered (the one shown before may hold the expected text already), with the expected text.
     */
    private void searchDepartments(String search, String expected) {
        var before = browser.findElement(By.id("departments:list"));
        var box = browser.findElement(By.id("departments:search"));
        box.clear();
        box.sendKeys(search);
        wait.until(ExpectedConditions.stalenessOf(before));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("departments:list"), expected));
    }
}
