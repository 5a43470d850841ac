package org.citymaas.portal.it;

import java.io.File;
import org.citymaas.portal.devstack.TestStack;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The WAR that Maven built, deployed as it is, against the test stack. {@link #portal()} is the deployment
 * the test classes share (arquillian.xml, {@code shared-deployment}): a class that declares no
 * {@code @Deployment} runs against the one server started for the whole run, so it must not rely on a
 * fresh server (its own data, no server state left by the classes before it). A class that needs the
 * portal to start after something it prepared declares its own, with {@link #war()}, and gets a server of
 * its own.
 */
final class PortalDeployment {

    private PortalDeployment() {}

    @Deployment(testable = false)
    static WebArchive portal() {
        return war();
    }

    static WebArchive war() {
        TestStack.start();
        var war = new File(System.getProperty("citymaas.war", "target/citymaas.war"));
        return ShrinkWrap.createFromZipFile(WebArchive.class, war);
    }
}
