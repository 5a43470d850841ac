package org.citymaas.portal.it;

import java.net.URL;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A browser test of the deployed portal: each test gets a fresh headless Chromium ({@link #session})
 * that Keycloak accepts as a client of the portal, closed after the test.
 */
@ExtendWith(ArquillianExtension.class)
abstract class BrowserTest {

    @ArquillianResource
    URL portal;

    PortalBrowser session;
    ChromeDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void openBrowser() {
        session = PortalBrowser.open(portal);
        browser = session.driver();
        wait = session.waits();
    }

    @AfterEach
    void closeBrowser() {
        if (session != null) {
            session.close();
        }
    }
}
