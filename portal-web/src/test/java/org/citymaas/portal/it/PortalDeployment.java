package org.citymaas.portal.it;

import java.io.File;
import org.citymaas.portal.devstack.TestStack;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The WAR that Maven built, deployed as it is, against the test stack. */
final class PortalDeployment {

    private PortalDeployment() {}

    static WebArchive war() {
        TestStack.start();
        var war = new File(System.getProperty("citymaas.war", "target/citymaas.war"));
        return ShrinkWrap.createFromZipFile(WebArchive.class, war);
    }
}
