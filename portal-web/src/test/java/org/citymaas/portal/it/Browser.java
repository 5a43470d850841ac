package org.citymaas.portal.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real headless Chromium (Debian's chromium and chromedriver) for the browser tests; never a browser
 * that a tool downloads.
 */
final class Browser {

    private Browser() {}

    static ChromeDriver start() {
        try {
            var profile = Files.createTempDirectory(
                    Files.createDirectories(Path.of("target", "chromium")).toAbsolutePath(), "profile-");
            var options = new ChromeOptions();
            options.setBinary(System.getProperty("citymaas.chromium", "/usr/bin/chromium"));
            options.addArguments(
                    "--headless=new",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-dev-shm-usage",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--no-first-run",
                    "--window-size=1280,900",
                    "--lang=zh-CN",
                    "--user-data-dir=" + profile);
            // the console's messages, for tests that check no Content Security Policy violation was reported
            options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
            var service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(Path.of(System.getProperty("citymaas.chromedriver", "/usr/bin/chromedriver"))
                            .toFile())
                    .usingAnyFreePort()
                    .build();
            var driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
            return driver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Saves what the page shows, for people to look at (target/screenshots). */
    static void screenshot(ChromeDriver driver, String name) {
        try {
            var dir = Files.createDirectories(Path.of("target", "screenshots"));
            Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
