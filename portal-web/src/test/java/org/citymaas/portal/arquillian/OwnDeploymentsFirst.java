package org.citymaas.portal.arquillian;

import java.util.Comparator;
import org.jboss.arquillian.container.test.api.Deployment;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;

/**
 * Runs the test classes that declare a {@code @Deployment} of their own before the others, which keep their
 * order: each of them stops the shared deployment ({@link SharedDeployment}) and it starts again after, so
 * run first they cost no second start of it. Failsafe sets it (junit.jupiter.testclass.order.default); the
 * classes do not depend on their order, this only saves time.
 */
public class OwnDeploymentsFirst implements ClassOrderer {

    @Override
    public void orderClasses(ClassOrdererContext context) {
        // List.sort is stable: the classes that share keep the order they came in
        context.getClassDescriptors().sort(Comparator.comparing(OwnDeploymentsFirst::shares));
    }

    private static boolean shares(ClassDescriptor descriptor) {
        for (var type = descriptor.getTestClass(); type != null; type = type.getSuperclass()) {
            for (var method : type.getDeclaredMethods()) {
                if (method.isAnnotationPresent(Deployment.class)) {
                    return false;
                }
            }
        }
        return true;
    }
}
