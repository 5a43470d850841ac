package org.citymaas.portal.http;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecurityHeadersTest {

    @Test
    void pagesMayPostToTheirOwnKeycloakAndNowhereElse() {
        var policy = SecurityHeaders.pagePolicy("https://SSO.city.example:8443/realms/citymaas");

        assertThat(policy)
                .contains("form-action 'self' https://sso.city.example:8443;")
                .contains("frame-ancestors 'none'")
                .contains("object-src 'none'")
                .contains("base-uri 'self'")
                .doesNotContain("'unsafe-eval'")
                .doesNotContain("script-src 'self' 'unsafe-inline'")
                .as("PrimeFaces appends the nonce to the last directive")
                .endsWith("script-src 'self'");
    }

    @Test
    void anIssuerThatIsNoWebAddressAddsNoSource() {
        assertThat(SecurityHeaders.pagePolicy("javascript:alert(1)")).contains("form-action 'self';");
        assertThat(SecurityHeaders.pagePolicy(null)).contains("form-action 'self';");
        assertThat(SecurityHeaders.origin("http://127.0.0.1:8180/realms/citymaas"))
                .isEqualTo("http://127.0.0.1:8180");
    }

    @Test
    void everyAnswerStartsStrictAndAPagePolicyReplacesItInsteadOfAddingASecond() {
        var headers = new LinkedHashMap<String, String>();
        var response = response(headers);

        SecurityHeadersFilter.apply(response);
        assertThat(headers)
                .containsEntry("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
                .containsEntry("X-Content-Type-Options", "nosniff")
                .containsEntry("X-Frame-Options", "DENY")
                .containsEntry("Referrer-Policy", "strict-origin-when-cross-origin");

        var guarded = new SecurityHeadersFilter.Guarded(response);
        guarded.addHeader("Content-Security-Policy", "script-src 'self' 'nonce-abc';");
        guarded.addHeader("X-Powered-By", "Servlet/6.0");
        guarded.setHeader("Server", "Payara Micro");
        guarded.addHeader("Cache-Control", "no-cache");

        assertThat(headers)
                .containsEntry("Content-Security-Policy", "script-src 'self' 'nonce-abc';")
                .containsEntry("Cache-Control", "no-cache")
                .doesNotContainKeys("X-Powered-By", "Server");
    }

    /** A response that records its headers (one value each: the filter sets, never adds, what it guards). */
    private static HttpServletResponse response(Map<String, String> headers) {
        return (HttpServletResponse) Proxy.newProxyInstance(
                HttpServletResponse.class.getClassLoader(), new Class<?>[] {HttpServletResponse.class}, (p, m, a) -> {
                    switch (m.getName()) {
                        case "setHeader", "addHeader" -> headers.put((String) a[0], (String) a[1]);
                        case "containsHeader" -> {
                            return headers.containsKey((String) a[0]);
                        }
                        case "isCommitted" -> {
                            return false;
                        }
                        default -> {}
                    }
                    return null;
                });
    }
}
