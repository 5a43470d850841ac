package org.citymaas.portal.arquillian;

import org.jboss.arquillian.core.spi.LoadableExtension;

/**
 * Registers {@link SharedDeployment} (META-INF/services); arquillian.xml names the class whose
 * {@code @Deployment} is shared: {@code <extension qualifier="shared-deployment">} with the property
 * {@code deploymentClass}.
 */
public class SharedDeploymentExtension implements LoadableExtension {

    @Override
    public void register(ExtensionBuilder builder) {
        builder.observer(SharedDeployment.class);
    }
}
