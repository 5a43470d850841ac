package org.citymaas.portal.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Collectors;
import org.citymaas.portal.devstack.KeycloakDemoRealm;
import org.citymaas.portal.devstack.TestStack;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A browser on the portal under test: Keycloak accepts the portal's (random) address as a redirect
 * target, and a person signs in through Keycloak's own login page.
 */
final class PortalBrowser implements AutoCloseable {

    private final URL portal;
    private final ChromeDriver driver;
    private final WebDriverWait wait;

    private PortalBrowser(URL portal, ChromeDriver driver) {
        this.portal = portal;
        this.driver = driver;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    static PortalBrowser open(URL portal) {
        var base = portal.toString().endsWith("/") ? portal.toString() : portal + "/";
        var loopback = base.replace("://localhost:", "://127.0.0.1:");
        var keycloak = TestStack.start().keycloak();
        keycloak.addRedirectUri(KeycloakDemoRealm.PORTAL_CLIENT, base + "*", base + "*");
        keycloak.addRedirectUri(KeycloakDemoRealm.PORTAL_CLIENT, loopback + "*", loopback + "*");
        return new PortalBrowser(portal, Browser.start());
    }

    ChromeDriver driver() {
        return driver;
    }

    WebDriverWait waits() {
        return wait;
    }

    /**
     * Clicks a link or a button that loads a new page and waits until the old page is gone, so that
     * what is looked up next is on the new page. Chrome may answer a look at a page being swapped with
     * an inspector error ("Node with given id does not belong to the document"): that only means "not
     * yet".
     */
    void clickToNewPage(WebElement target) {
        var old = driver.findElement(By.tagName("html"));
        target.click();
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .ignoring(WebDriverException.class)
                .until(ExpectedConditions.stalenessOf(old));
    }

    /** The address of a page of the portal, e.g. {@code portal/home.xhtml}. */
    String page(String path) {
        return portal.toString().replaceAll("/$", "") + "/" + path;
    }

    /**
     * Fills in Keycloak's login form, which the portal has redirected to, and waits until the browser
     * is back on a portal page (past Keycloak and the portal's sign-in callback), so that the next
     * navigation cannot cut the sign-in short.
     */
    void signInAtKeycloak(String username) {
        signInAtKeycloak(username, KeycloakDemoRealm.password(username));
    }

    /** {@link #signInAtKeycloak(String)} with a password of the test's own, for a user the test made. */
    void signInAtKeycloak(String username, String password) {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        assertThat(driver.getCurrentUrl()).as("Keycloak's own login page").contains("/realms/citymaas/");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("kc-login")).click();
        wait.until(d -> {
            var url = d.getCurrentUrl();
            return url != null
                    && !url.contains("/realms/")
                    && !url.contains("/signin/callback")
                    && "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState"));
        });
    }

    /** Signs out through the portal's sign-out button, which ends the Keycloak session too. */
    void signOut() {
        driver.findElement(By.cssSelector("#signout button")).click();
        wait.until(ExpectedConditions.urlContains("/index.xhtml"));
    }

    /** The browser's cookies for the portal, as a {@code Cookie} request header. */
    String cookieHeader() {
        return driver.manage().getCookies().stream()
                .map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
    }

    /** A download link's file, fetched with the browser's own session cookie. */
    HttpResponse<String> download(String href) {
        var cookies = driver.manage().getCookies().stream()
                .map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        var request = HttpRequest.newBuilder(URI.create(href))
                .header("Cookie", cookies)
                .build();
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A file to upload through a file input (under target/, where the test may write). */
    static Path uploadFile(String prefix, String content) {
        try {
            var dir = Files.createDirectories(Path.of("target", "upload-files")).toAbsolutePath();
            var file = Files.createTempFile(dir, prefix, ".csv");
            return Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
