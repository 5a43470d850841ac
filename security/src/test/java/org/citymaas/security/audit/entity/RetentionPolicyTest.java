package org.citymaas.security.audit.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetentionPolicyTest {

    private final RetentionPolicy policy =
            RetentionPolicy.parse("default=200, inference.*=180, signin*=365," + " signin.refusals=400");

    @Test
    void theMostSpecificRuleSetsAnActionsPeriod() {
        assertThat(policy.daysFor("inference.request")).isEqualTo(180);
        assertThat(policy.daysFor("signin")).isEqualTo(365);
        assertThat(policy.daysFor("signin.refusals")).isEqualTo(400);
        assertThat(policy.daysFor("quota.change")).isEqualTo(200);
        assertThat(policy.daysFor("inference")).isEqualTo(200);
        assertThat(policy.ruleFor("quota.change")).isEmpty();
        assertThat(RetentionPolicy.parse("inference.*=190, inference.batch.*=250")
                        .daysFor("inference.batch.row"))
                .isEqualTo(250);
    }

    @Test
    void anEventExpiresOnceItsPeriodHasPassed() {
        var now = Instant.parse("2026-12-07T00:00:00Z");
        assertThat(policy.expired("inference.request", now.minus(Duration.ofDays(180)), now))
                .isTrue();
        assertThat(policy.expired("inference.request", now.minus(Duration.ofDays(179)), now))
                .isFalse();
        assertThat(policy.expired("signin", now.minus(Duration.ofDays(300)), now))
                .isFalse();
    }

    @Test
    void readsBackWhatItWrites() {
        assertThat(RetentionPolicy.parse(policy.toString())).isEqualTo(policy);
        assertThat(RetentionPolicy.parse("")).isEqualTo(RetentionPolicy.minimum());
        assertThat(RetentionPolicy.parse("default=365d").defaultDays()).isEqualTo(365);
    }

    @Test
    void refusesAPeriodBelow180Days() {
        assertThatThrownBy(() -> RetentionPolicy.parse("inference.*=90"))
                .isInstanceOf(InvalidRetentionPolicyException.class)
                .hasMessage("the retention period of 'inference.*' is 90 days: audit events must stay online for at"
                        + " least 180 days (Cybersecurity Law of the PRC, art. 21: network logs no less than six"
                        + " months)");
        assertThatThrownBy(() -> new RetentionPolicy(179, List.of()))
                .isInstanceOf(InvalidRetentionPolicyException.class)
                .hasMessageStartingWith("the retention period of the default is 179 days");
    }

    @Test
    void refusesMalformedEntries() {
        assertThatThrownBy(() -> RetentionPolicy.parse("inference.*"))
                .hasMessage("a retention entry is pattern=days, not 'inference.*'");
        assertThatThrownBy(() -> RetentionPolicy.parse("signin=a year")).hasMessageContaining("not a whole number");
        assertThatThrownBy(() -> RetentionPolicy.parse("*=365")).hasMessageContaining("not '*'");
        assertThatThrownBy(() -> RetentionPolicy.parse("in*ference=365")).hasMessageContaining("not 'in*ference'");
        assertThatThrownBy(() -> RetentionPolicy.parse("signin=365, signin=400"))
                .hasMessageContaining("given twice");
    }
}
