package org.citymaas.portal.arquillian;

import org.jboss.arquillian.config.descriptor.api.ArquillianDescriptor;
import org.jboss.arquillian.container.spi.ContainerRegistry;
import org.jboss.arquillian.container.spi.client.deployment.DeploymentScenario;
import org.jboss.arquillian.container.spi.event.DeployManagedDeployments;
import org.jboss.arquillian.container.spi.event.UnDeployDeployment;
import org.jboss.arquillian.container.spi.event.UnDeployManagedDeployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.impl.client.deployment.event.GenerateDeployment;
import org.jboss.arquillian.core.api.Event;
import org.jboss.arquillian.core.api.Instance;
import org.jboss.arquillian.core.api.InstanceProducer;
import org.jboss.arquillian.core.api.annotation.Inject;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.core.spi.EventContext;
import org.jboss.arquillian.test.spi.TestClass;
import org.jboss.arquillian.test.spi.annotation.ClassScoped;
import org.jboss.arquillian.test.spi.event.suite.AfterSuite;

/**
 * One deployment for every test class that declares none: the class named in arquillian.xml
 * ({@code deploymentClass}) declares it; it is generated and deployed before the first such class and
 * stays deployed until the end of the run (or until a class with a deployment of its own needs the
 * container). A class that declares its own {@code @Deployment} gets it as in plain Arquillian: the shared
 * one is undeployed before that class's deployment method runs (what it prepares there meets no running
 * portal; the Payara Micro container runs one server per deployment, and both would write the same log
 * file), and deployed again for the next class that shares it ({@link OwnDeploymentsFirst} runs such classes
 * first, so that this happens once).
 *
 * <p>It works on Arquillian's class-level events the way ingwarsw's arquillian-suite-extension does
 * (intercepting {@link GenerateDeployment}, {@link DeployManagedDeployments} and {@link
 * UnDeployManagedDeployments}); that extension deploys its suite deployment for every class of the JVM,
 * with no way for a class to keep its own, which is why the portal has this one.
 */
public class SharedDeployment {

    /** arquillian.xml: {@code <extension qualifier="shared-deployment">}. */
    static final String QUALIFIER = "shared-deployment";

    @Inject
    @ClassScoped
    private InstanceProducer<DeploymentScenario> classScenario;

    @Inject
    private Instance<ContainerRegistry> containers;

    @Inject
    private Event<GenerateDeployment> generate;

    @Inject
    private Event<UnDeployDeployment> undeploy;

    private Class<?> deploymentClass;

    /** The shared deployment, once generated; the same objects for every class that shares it. */
    private DeploymentScenario shared;

    /** Whether the running test class shares the deployment (false: its own, or the extension is off). */
    private boolean classShares;

    public void configure(@Observes ArquillianDescriptor descriptor) {
        var extension = descriptor.extension(QUALIFIER);
        var name = extension == null ? null : extension.getExtensionProperties().get("deploymentClass");
        if (name == null || name.isBlank()) {
            deploymentClass = null;
            return;
        }
        try {
            deploymentClass = Class.forName(name.strip(), false, SharedDeployment.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("arquillian.xml " + QUALIFIER + ": no class " + name, e);
        }
    }

    /**
     * A sharing class gets the shared scenario (generated from the deployment class the first time); a class
     * with its own deployment gets the container alone.
     */
    public void generate(@Observes EventContext<GenerateDeployment> context) {
        var javaClass = context.getEvent().getTestClass().getJavaClass();
        if (deploymentClass == null || javaClass == deploymentClass) {
            context.proceed();
            return;
        }
        classShares = declaresNoDeployment(context.getEvent().getTestClass());
        if (!classShares) {
            // before its deployment method runs: what it prepares there meets no running portal
            undeployShared();
            context.proceed();
        } else if (shared == null) {
            // generated into this class's context, through the generator's own checks
            generate.fire(new GenerateDeployment(new TestClass(deploymentClass)));
            shared = classScenario.get();
        } else {
            classScenario.set(shared);
        }
    }

    /** Deploys the shared deployment where it is not running yet (or no longer). */
    public void deploy(@Observes EventContext<DeployManagedDeployments> context) {
        if (deploymentClass == null) {
            context.proceed();
        } else if (!classShares) {
            context.proceed();
        } else if (!running()) {
            var started = false;
            try {
                context.proceed();
                started = true;
            } finally {
                if (!started) {
                    // what is left of a failed start goes; the next class that shares generates it afresh
                    undeployShared();
                    shared = null;
                }
            }
        }
    }

    /** Keeps the shared deployment past the end of a class; a class's own deployment goes as usual. */
    public void undeploy(@Observes EventContext<UnDeployManagedDeployments> context) {
        if (deploymentClass == null || !classShares) {
            context.proceed();
        }
    }

    /** Before the containers stop: the run is over. */
    public void end(@Observes(precedence = 100) AfterSuite event) {
        undeployShared();
    }

    /** Whether the shared deployment is up: deployed, and without an error. */
    private boolean running() {
        return shared != null && shared.deployments().stream().anyMatch(d -> d.isDeployed() && !d.hasDeploymentError());
    }

    /** Undeploys what of the shared deployment was deployed (a failed start too: it leaves nothing behind). */
    private void undeployShared() {
        if (shared == null) {
            return;
        }
        var registry = containers.get();
        for (var deployment : shared.deployedDeploymentsInUnDeployOrder()) {
            if (deployment.isDeployed()) {
                undeploy.fire(new UnDeployDeployment(
                        registry.getContainer(deployment.getDescription().getTarget()), deployment));
            }
        }
    }

    private static boolean declaresNoDeployment(TestClass testClass) {
        return testClass.getMethods(Deployment.class).length == 0;
    }
}
