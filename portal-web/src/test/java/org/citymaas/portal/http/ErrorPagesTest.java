package org.citymaas.portal.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ErrorPagesTest {

    @Test
    void onlyTheApisAddressesAnswerProblemJson() {
        assertThat(ErrorPages.api("/citymaas", "/citymaas/api/v1/nothing")).isTrue();
        assertThat(ErrorPages.api("/citymaas", "/citymaas/api")).isTrue();
        assertThat(ErrorPages.api("/citymaas", "/citymaas/apiary")).isFalse();
        assertThat(ErrorPages.api("/citymaas", "/citymaas/portal/home.xhtml")).isFalse();
        assertThat(ErrorPages.api("/citymaas", null)).isFalse();
    }

    @Test
    void anErrorWithoutAnErrorStatusIsOurs() {
        assertThat(ErrorPages.status(404)).isEqualTo(404);
        assertThat(ErrorPages.status(200)).isEqualTo(500);
        assertThat(ErrorPages.status(null)).isEqualTo(500);
    }

    @Test
    void theApisWordsSayNothingOfWhatFailed() {
        assertThat(ErrorPages.detail(500)).isEqualTo("Something went wrong on our side; it was logged.");
        assertThat(ErrorPages.title(405)).isEqualTo("Method Not Allowed");
    }
}
