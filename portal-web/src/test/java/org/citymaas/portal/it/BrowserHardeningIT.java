package org.citymaas.portal.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web layer's hardening as a person and a browser meet it: every page answers every role, with or
 * without a sane address, in the portal's own look and with the right status; the pages that run
 * JavaScript still work under the Content Security Policy and the browser reports no violation; every kind
 * of answer carries the security headers and no server branding; the session cookie is SameSite=Lax and
 * HttpOnly; form fields refuse hostile characters at the field.
 */
class BrowserHardeningIT extends BrowserTest {

    /** Values no page parameter should take; each answered 400 where the page reads the parameter. */
    private static final List<String> GARBAGE = List.of(
            "\u0000", "'\"<script>alert(1)</script>", "x".repeat(5000), "../../etc/passwd", "traffic\u202Eforecast");

    private static final String ROLE_STAFF = "transport-staff";
    private static final String ROLE_TENANT_ADMIN = "transport-admin";
    private static final String ROLE_PLATFORM_ADMIN = "platform-admin";
    private static final String ROLE_AUDITOR = "auditor";

    private static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private Http.Answer get(String path, String cookies) {
        return Http.getWith(session.page(path), cookies == null ? Map.of() : Map.of("Cookie", cookies));
    }

    /** The addresses a role tries and the status each must answer, for {@code user}. */
    private static Map<String, Integer> expectations(String user) {
        boolean models = user.equals(ROLE_STAFF) || user.equals(ROLE_TENANT_ADMIN);
        boolean usage = user.equals(ROLE_TENANT_ADMIN) || user.equals(ROLE_PLATFORM_ADMIN);
        boolean platform = user.equals(ROLE_PLATFORM_ADMIN);
        boolean auditor = user.equals(ROLE_AUDITOR);
        boolean drift = platform || auditor;
        var expected = new LinkedHashMap<String, Integer>();
        expected.put("index.xhtml", 200);
        expected.put("portal/home.xhtml", 200);
        expected.put("portal/catalog.xhtml", models ? 200 : 403);
        expected.put("portal/history.xhtml", models ? 200 : 403);
        expected.put("portal/model.xhtml", models ? 400 : 403);
        expected.put("portal/model.xhtml?name=", models ? 400 : 403);
        expected.put("portal/model.xhtml?name=traffic-flow-forecast", models ? 200 : 403);
        expected.put("portal/model.xhtml?name=no-such-model", models ? 404 : 403);
        expected.put("portal/model.xhtml?name=health-risk", models ? 404 : 403);
        expected.put("portal/batch.xhtml", models ? 400 : 403);
        expected.put("portal/batch.xhtml?name=traffic-flow-forecast", models ? 200 : 403);
        expected.put("portal/batch.xhtml?name=health-risk", models ? 404 : 403);
        expected.put("portal/batch.xhtml?name=traffic-flow-forecast&job=" + UUID.randomUUID(), models ? 404 : 403);
        expected.put("portal/usage.xhtml", usage ? 200 : 403);
        expected.put("portal/usage.xhtml?month=2026-13", usage ? 400 : 403);
        expected.put("portal/usage.xhtml?department=health", usage ? (platform ? 200 : 404) : 403);
        expected.put("portal/usage.xhtml?export=pdf", usage ? 400 : 403);
        expected.put("portal/admin/departments.xhtml", platform ? 200 : 403);
        expected.put("portal/admin/subscriptions.xhtml", platform ? 200 : 403);
        expected.put("portal/billing.xhtml", usage ? 200 : 403);
        expected.put("portal/billing.xhtml?month=2026-13", usage ? 400 : 403);
        expected.put("portal/billing.xhtml?month=2099-01", usage ? 400 : 403);
        expected.put("portal/billing.xhtml?department=health", usage ? (platform ? 200 : 404) : 403);
        expected.put("portal/billing.xhtml?pdf=2026-13", usage ? 400 : 403);
        expected.put("portal/admin/billing.xhtml", platform ? 200 : 403);
        expected.put("portal/admin/billing.xhtml?month=2026-13", platform ? 400 : 403);
        expected.put("portal/admin/prices.xhtml", platform ? 200 : 403);
        expected.put("portal/audit/search.xhtml", auditor ? 200 : 403);
        expected.put("portal/audit/search.xhtml?run=1&department=transport&outcome=DENIED", auditor ? 200 : 403);
        expected.put("portal/audit/search.xhtml?run=1&from=yesterday", auditor ? 400 : 403);
        expected.put("portal/audit/search.xhtml?run=1&cursor=not-a-cursor", auditor ? 400 : 403);
        expected.put("portal/audit/search.xhtml?export=xml", auditor ? 400 : 403);
        expected.put("portal/audit/event.xhtml", auditor ? 400 : 403);
        expected.put("portal/audit/event.xhtml?seq=1", auditor ? 200 : 403);
        expected.put("portal/audit/event.xhtml?seq=999999999999", auditor ? 404 : 403);
        expected.put("portal/audit/verify.xhtml", auditor ? 200 : 403);
        expected.put("portal/audit/verify.xhtml?from=1&to=5&run=1", auditor ? 200 : 403);
        expected.put("portal/audit/verify.xhtml?from=5&to=2&run=1", auditor ? 400 : 403);
        expected.put("portal/audit/verify.xhtml?from=1&to=999999999999&download=bundle", auditor ? 400 : 403);
        expected.put("portal/audit/verify.xhtml?from=1&to=2&download=pdf", auditor ? 400 : 403);
        expected.put("portal/audit/checkpoints.xhtml", auditor ? 200 : 403);
        expected.put("portal/audit/checkpoints.xhtml?download=pdf", auditor ? 400 : 403);
        expected.put("portal/audit/report.xhtml", auditor ? 200 : 403);
        expected.put("portal/audit/report.xhtml?download=pdf&department=transport&month=1999-13", auditor ? 400 : 403);
        expected.put("portal/audit/report.xhtml?download=pdf&month=2026-01", auditor ? 400 : 403);
        expected.put("portal/admin/models.xhtml", platform ? 200 : 403);
        expected.put("portal/admin/access-requests.xhtml", platform ? 200 : 403);
        expected.put("portal/admin/runtime.xhtml", platform ? 200 : 403);
        expected.put("portal/admin/drift.xhtml", drift ? 200 : 403);
        expected.put("portal/admin/drift.xhtml?month=2026-13", drift ? 400 : 403);
        expected.put("portal/admin/drift.xhtml?month=2099-01", drift ? 400 : 403);
        expected.put("portal/no-such-page.xhtml", 404);
        expected.put("no-such-file.css", 404);
        for (var garbage : GARBAGE) {
            var value = q(garbage);
            expected.put("index.xhtml?signin=" + value, 200);
            expected.put("portal/home.xhtml?x=" + value, 200);
            expected.put("portal/model.xhtml?name=" + value, models ? 400 : 403);
            expected.put("portal/batch.xhtml?name=" + value, models ? 400 : 403);
            expected.put("portal/batch.xhtml?name=traffic-flow-forecast&job=" + value, models ? 400 : 403);
            expected.put("portal/usage.xhtml?month=" + value, usage ? 400 : 403);
            expected.put("portal/usage.xhtml?department=" + value, usage ? 400 : 403);
            expected.put("portal/billing.xhtml?month=" + value, usage ? 400 : 403);
            expected.put("portal/billing.xhtml?department=" + value, usage ? 400 : 403);
            expected.put("portal/admin/billing.xhtml?month=" + value, platform ? 400 : 403);
            expected.put("portal/admin/drift.xhtml?month=" + value, drift ? 400 : 403);
            expected.put("portal/admin/drift.xhtml?row=" + value, drift ? 400 : 403);
            expected.put("portal/audit/search.xhtml?run=1&department=" + value, auditor ? 400 : 403);
            expected.put("portal/audit/event.xhtml?seq=" + value, auditor ? 400 : 403);
            expected.put("portal/audit/verify.xhtml?run=1&from=" + value, auditor ? 400 : 403);
            expected.put("portal/audit/checkpoints.xhtml?before=" + value, auditor ? 400 : 403);
            expected.put(
                    "portal/audit/report.xhtml?download=pdf&month=2026-01&department=" + value, auditor ? 400 : 403);
            expected.put(
                    "portal/audit/report.xhtml?download=pdf&department=transport&month=" + value, auditor ? 400 : 403);
        }
        return expected;
    }

    @Test
    void everyRoleGetsEveryPageInThePortalsLookWithTheRightStatus() {
        var softly = new SoftAssertions();
        browser.get(session.page("portal/home.xhtml"));
        var first = true;
        for (var user : List.of(ROLE_STAFF, ROLE_TENANT_ADMIN, ROLE_PLATFORM_ADMIN, ROLE_AUDITOR)) {
            if (!first) {
                session.signOut();
                browser.get(session.page("portal/home.xhtml"));
            }
            first = false;
            session.signInAtKeycloak(user);
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("topbar")));
            var cookies = session.cookieHeader();
            for (var page : expectations(user).entrySet()) {
                var answer = get(page.getKey(), cookies);
                var what = user + " GET " + abbreviated(page.getKey());
                softly.assertThat(answer.status()).as(what).isEqualTo(page.getValue());
                softly.assertThat(answer.body())
                        .as(what + ": the portal's look")
                        .contains("id=\"topbar\"")
                        .doesNotContain("Exception", "Payara", "\tat ", "NullPointer")
                        .doesNotContain("<script>alert(1)</script>");
                softly.assertThat(answer.headers().allValues("Content-Security-Policy"))
                        .as(what + ": one policy")
                        .hasSize(1);
            }
        }
        // the error page itself, in English too, keeps its status
        browser.get(session.page("portal/no-such-page.xhtml"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("error")));
        softly.assertThat(browser.findElement(By.id("content-title")).getText()).isEqualTo("页面不存在");
        Browser.screenshot(browser, "hardening-1-not-found-zh");
        browser.findElement(By.id("language:en")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("content-title"), "Page not found"));
        softly.assertThat(browser.findElement(By.id("error")).getAttribute("data-status"))
                .isEqualTo("404");
        Browser.screenshot(browser, "hardening-2-not-found-en");
        browser.get(session.page("portal/model.xhtml?name=" + q("'\"<script>")));
        Browser.screenshot(browser, "hardening-3-bad-parameter-en");
        softly.assertAll();
    }

    private static String abbreviated(String path) {
        return path.length() > 120 ? path.substring(0, 120) + "… (" + path.length() + " chars)" : path;
    }

    @Test
    void theJavaScriptPagesWorkUnderTheContentSecurityPolicy() {
        browser.get(session.page("portal/home.xhtml"));
        session.signInAtKeycloak(ROLE_TENANT_ADMIN);

        // the language links: Mojarra's onclick, moved by PrimeFaces into a nonce'd script
        browser.findElement(By.id("language:en")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("nav-home"), "Home"));

        // the model page's form answers (PrimeFaces AJAX)
        browser.get(session.page("portal/model.xhtml?name=traffic-flow-forecast"));
        type("recent_counts", String.join(",", Collections.nCopies(24, "800")));
        type("hour_of_day", "8");
        type("day_of_week", "1");
        type("is_holiday", "0");
        type("precipitation_mm", "0");
        browser.findElement(By.id("try:run")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-output='vehicles_next_hour']")));
        Browser.screenshot(browser, "hardening-4-model-answer");

        // a hostile character is refused at its field, and nothing runs (the last answer stays)
        var lastRun = browser.findElement(By.id("request-id")).getText();
        browser.executeScript("document.querySelector(\"[data-field='hour_of_day']\").value = arguments[0]", "8\u202E");
        browser.findElement(By.id("try:run")).click();
        var refused = wait.until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-refused='hour_of_day']")));
        assertThat(refused.getText()).contains("hour_of_day").contains("bidirectional");
        assertThat(browser.findElement(By.id("request-id")).getText()).isEqualTo(lastRun);
        Browser.screenshot(browser, "hardening-5-model-refused");

        // the batch page's progress (p:poll) runs to the end
        browser.get(session.page("portal/batch.xhtml?name=traffic-flow-forecast"));
        browser.findElement(By.id("upload:file"))
                .sendKeys(PortalBrowser.uploadFile("csp-", BatchScoringIT.trafficCsv(6, -1))
                        .toString());
        browser.findElement(By.id("upload:submit")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("batch-progress")));
        new WebDriverWait(browser, Duration.ofSeconds(120))
                .until(d -> !d.findElements(By.id("batch-download")).isEmpty());
        assertThat(browser.findElement(By.id("batch-progress")).getAttribute("data-percent"))
                .isEqualTo("100");
        Browser.screenshot(browser, "hardening-6-batch-done");

        // the usage chart is drawn, and the month picker still submits itself
        browser.get(session.page("portal/usage.xhtml"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#usage-chart canvas")));
        wait.until(
                d -> Boolean.TRUE.equals(browser.executeScript("var c = document.querySelector('#usage-chart canvas');"
                        + " return !!(window.Chart && Chart.getChart(c)) && c.width > 0;")));
        var months = new Select(browser.findElement(By.id("usage-month")));
        if (months.getOptions().size() > 1) {
            var other = months.getOptions().get(months.getOptions().size() - 1).getAttribute("value");
            months.selectByValue(other);
            wait.until(ExpectedConditions.urlContains("month=" + other));
        }
        Browser.screenshot(browser, "hardening-7-usage-chart");

        assertThat(violations()).as("what the browser refused").isEmpty();
    }

    private void type(String field, String value) {
        var input = browser.findElement(By.cssSelector("[data-field='" + field + "']"));
        input.clear();
        input.sendKeys(value);
    }

    /** The console's Content Security Policy reports and script errors since the browser started. */
    private List<String> violations() {
        var found = new ArrayList<String>();
        for (var entry : browser.manage().logs().get(LogType.BROWSER)) {
            var text = entry.getMessage();
            if (text.contains("Content Security Policy")
                    || text.contains("Refused to")
                    || (entry.getLevel().intValue() >= Level.SEVERE.intValue() && text.contains("Uncaught"))) {
                found.add(text);
            }
        }
        return found;
    }

    @Test
    void everyKindOfAnswerCarriesTheHeadersAndTheCookieIsLax() {
        // before signing in: the session that holds the sign-in's state is started, Lax and HttpOnly
        var anonymous = get("portal/home.xhtml", null);
        assertThat(anonymous.status()).isEqualTo(302);
        var setCookie = String.join("\n", anonymous.headers().allValues("Set-Cookie"));
        assertThat(setCookie)
                .containsIgnoringCase("JSESSIONID=")
                .containsIgnoringCase("SameSite=Lax")
                .contains("HttpOnly");
        assertThat(anonymous.headers().firstValue("Server"))
                .as("no Server header")
                .isEmpty();

        browser.get(session.page("portal/home.xhtml"));
        session.signInAtKeycloak(ROLE_PLATFORM_ADMIN);
        var cookie = browser.manage().getCookieNamed("JSESSIONID");
        assertThat(cookie.getSameSite()).isEqualToIgnoringCase("Lax");
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.isSecure())
                .as("plain HTTP here: Secure only over HTTPS")
                .isFalse();
        var cookies = session.cookieHeader();

        var page = get("portal/home.xhtml", cookies);
        assertThat(page.status()).isEqualTo(200);
        headersOf("page", page);
        assertThat(page.header("Content-Security-Policy"))
                .contains("default-src 'self'")
                .contains("frame-ancestors 'none'")
                .contains("object-src 'none'")
                .contains("form-action 'self' http://127.0.0.1:")
                .containsPattern("script-src 'self' 'nonce-[^']+'")
                .doesNotContain("unsafe-eval")
                .doesNotContain("script-src 'self' 'unsafe-inline'");
        var nonce = page.header("Content-Security-Policy").replaceAll(".*'nonce-([^']+)'.*", "$1");
        assertThat(page.body()).contains("nonce=\"" + nonce + "\"").doesNotContain(" onclick=\"");

        var file = get("jakarta.faces.resource/citymaas/portal.css.xhtml", cookies);
        assertThat(file.status()).isEqualTo(200);
        headersOf("static file", file);
        assertThat(file.header("Content-Security-Policy")).isEqualTo("default-src 'none'; frame-ancestors 'none'");

        var error = get("portal/no-such-page.xhtml", cookies);
        assertThat(error.status()).isEqualTo(404);
        headersOf("error page", error);

        var token = DemoTokens.userToken(ROLE_PLATFORM_ADMIN);
        var api = Http.get(session.page("api/v1/me"), token);
        assertThat(api.status()).isEqualTo(200);
        headersOf("API answer", api);
        assertThat(api.header("Content-Security-Policy")).isEqualTo("default-src 'none'; frame-ancestors 'none'");

        var unknown = Http.get(session.page("api/v1/no-such-thing"), token);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        headersOf("API 404", unknown);
        var wrongMethod = Http.delete(session.page("api/v1/me"), token);
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.contentType()).startsWith("application/problem+json");
        var noToken = Http.get(session.page("api/v1/me"), null);
        assertThat(noToken.status()).isEqualTo(401);
        assertThat(noToken.contentType()).startsWith("application/problem+json");
        headersOf("API 401", noToken);

        // the API names the field and the rule of a hostile character, and creates nothing
        var slug = "bidi-" + Long.toString(System.nanoTime(), 36);
        var body = new LinkedHashMap<String, Object>();
        body.put("id", slug);
        body.put("nameZh", "园林\u202E绿化局");
        body.put("nameEn", "Parks\u0000Bureau");
        body.put("adminUsername", slug + "-admin");
        body.put("adminEmail", slug + "-admin@city.example");
        body.put("adminName", "李园林");
        var refused = Http.post(session.page("api/v1/tenants"), token, Http.json(body));
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("errors").findValuesAsText("field")).containsExactly("nameEn", "nameZh");
        assertThat(refused.json().get("errors").findValuesAsText("rule"))
                .containsExactly("nul-character", "bidi-control");

        // the departments form refuses it at the field
        browser.get(session.page("portal/admin/departments.xhtml"));
        browser.findElement(By.id("departments:id")).sendKeys(slug);
        browser.executeScript("document.getElementById('departments:nameZh').value = arguments[0]", "水务\u202E局");
        browser.findElement(By.id("departments:nameEn")).sendKeys("Water");
        browser.findElement(By.id("departments:adminUsername")).sendKeys(slug + "-admin");
        browser.findElement(By.id("departments:adminEmail")).sendKeys(slug + "@city.example");
        browser.findElement(By.id("departments:adminName")).sendKeys("王水");
        browser.findElement(By.id("departments:create")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("departments:nameZh-message"), "双向"));
        assertThat(browser.findElement(By.id("departments:nameZh-message")).getText())
                .startsWith("中文名称")
                .contains("不能包含双向文本覆盖或隔离字符");
        var search = browser.findElement(By.id("departments:search"));
        search.clear();
        search.sendKeys(slug);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("departments:list"), "暂无部门"));
        Browser.screenshot(browser, "hardening-8-department-refused");
        assertThat(violations()).as("what the browser refused").isEmpty();
    }

    private static void headersOf(String what, Http.Answer answer) {
        assertThat(answer.headers().allValues("Content-Security-Policy"))
                .as(what + ": one Content-Security-Policy")
                .hasSize(1);
        assertThat(answer.header("Content-Security-Policy")).as(what).contains("frame-ancestors 'none'");
        assertThat(answer.header("X-Content-Type-Options")).as(what).isEqualTo("nosniff");
        assertThat(answer.header("X-Frame-Options")).as(what).isEqualTo("DENY");
        assertThat(answer.header("Referrer-Policy")).as(what).isEqualTo("strict-origin-when-cross-origin");
        assertThat(answer.headers().firstValue("Server"))
                .as(what + ": no Server header")
                .isEmpty();
        assertThat(answer.headers().firstValue("X-Powered-By"))
                .as(what + ": no X-Powered-By")
                .isEmpty();
    }
}
