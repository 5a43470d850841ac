package org.citymaas.portal.signin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SignInCallbackServletTest {

    private static final String CALLBACK = "http://127.0.0.1:8080/citymaas/signin/callback?code=abc&state=xyz";

    private static String target(String original) {
        return SignInCallbackServlet.target(original, CALLBACK, "/citymaas");
    }

    @Test
    void followsThePortalPageThatAskedForSignInWithItsQuery() {
        assertThat(target("http://127.0.0.1:8080/citymaas/portal/batch.xhtml?name=traffic-flow-forecast"))
                .isEqualTo("/citymaas/portal/batch.xhtml?name=traffic-flow-forecast");
        assertThat(target("http://127.0.0.1:8080/citymaas/portal/admin/departments.xhtml"))
                .isEqualTo("/citymaas/portal/admin/departments.xhtml");
    }

    @Test
    void goesHomeWithoutAPageOrForAnythingOutsideThePortalsPages() {
        assertThat(target(null)).isEqualTo("/citymaas/portal/home.xhtml");
        assertThat(target("https://evil.example/citymaas/portal/home.xhtml"))
                .as("another host")
                .isEqualTo("/citymaas/portal/home.xhtml");
        assertThat(target("http://127.0.0.1:9090/citymaas/portal/usage.xhtml"))
                .as("another port")
                .isEqualTo("/citymaas/portal/home.xhtml");
        assertThat(target("http://127.0.0.1:8080/citymaas/api/v1/me")).isEqualTo("/citymaas/portal/home.xhtml");
        assertThat(target("http://127.0.0.1:8080/citymaas/portal/../api/v1/me"))
                .as("normalized before it is checked")
                .isEqualTo("/citymaas/portal/home.xhtml");
        assertThat(target("not a url")).isEqualTo("/citymaas/portal/home.xhtml");
    }
}
