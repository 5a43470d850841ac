package org.citymaas.security.provisioning.control;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.jakarta.rs.json.JacksonJsonProvider;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.WebTarget;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.glassfish.jersey.client.proxy.WebResourceFactory;
import org.keycloak.admin.client.spi.ResteasyClientProvider;

/**
 * Runs keycloak-admin-client on the server's own Jersey client. RESTEasy, the client's default, would
 * take over JAX-RS inside Payara (see STACK.md), so the WAR ships none of it.
 */
public final class JerseyKeycloakClientProvider implements ResteasyClientProvider {

    private static final long CONNECT_TIMEOUT_S = 10;
    private static final long READ_TIMEOUT_S = 60;

    /** The same JSON settings as keycloak-admin-client's own Jackson provider. */
    static ObjectMapper keycloakMapper() {
        return new ObjectMapper()
                .setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL)
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    @Override
    public Client newRestEasyClient(Object messageHandler, SSLContext sslContext, boolean disableTrustManager) {
        if (disableTrustManager) {
            throw new UnsupportedOperationException("CityMaaS never disables TLS certificate checks");
        }
        var builder = ClientBuilder.newBuilder()
                .property("jersey.config.client.disableAutoDiscovery", true)
                // Yasson would read Keycloak's DTOs and ignore their Jackson annotations
                .property("jersey.config.client.disableJsonBinding", true)
                // role mappings are removed by DELETE with a body
                .property("jersey.config.client.suppressHttpComplianceValidation", true)
                .connectTimeout(CONNECT_TIMEOUT_S, TimeUnit.SECONDS)
                .readTimeout(READ_TIMEOUT_S, TimeUnit.SECONDS);
        if (sslContext != null) {
            builder.sslContext(sslContext);
        }
        builder.register(messageHandler != null ? messageHandler : new JacksonJsonProvider(keycloakMapper()));
        return builder.build();
    }

    @Override
    public <R> R targetProxy(WebTarget target, Class<R> resourceInterface) {
        return withDefaultMethods(resourceInterface, WebResourceFactory.newResource(resourceInterface, target));
    }

    /** Jersey's proxies reject interface default methods: call those on the interface itself. */
    @SuppressWarnings("unchecked")
    private static <R> R withDefaultMethods(Class<R> type, Object jerseyProxy) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.isDefault()) {
                return InvocationHandler.invokeDefault(proxy, method, args);
            }
            Object result;
            try {
                result = method.invoke(jerseyProxy, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (result != null
                    && Proxy.isProxyClass(result.getClass())
                    && method.getReturnType().isInterface()
                    && !isHttpMethod(method)) {
                return withDefaultMethods((Class<Object>) method.getReturnType(), result);
            }
            return result;
        };
        return (R) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler);
    }

    private static boolean isHttpMethod(Method method) {
        return Arrays.stream(method.getAnnotations())
                .anyMatch(a -> a.annotationType().isAnnotationPresent(HttpMethod.class));
    }
}
