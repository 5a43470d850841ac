package org.citymaas.portal.metrics.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class TagValuesTest {

    private static final Set<String> CATALOG = Set.of("traffic-flow-forecast", "health-risk");

    @Test
    void aCatalogModelIsTaggedByItsName() {
        assertThat(TagValues.model("traffic-flow-forecast", CATALOG::contains)).isEqualTo("traffic-flow-forecast");
    }

    @Test
    void aNameTheCatalogDoesNotHoldIsUnknownSoTypedNamesNeverBecomeSeries() {
        assertThat(TagValues.model("no-such-model", CATALOG::contains)).isEqualTo("unknown");
        assertThat(TagValues.model("张伟", name -> true)).isEqualTo("unknown");
        assertThat(TagValues.model("a\"b", name -> true)).isEqualTo("unknown");
        assertThat(TagValues.model("x".repeat(64), name -> true)).isEqualTo("unknown");
        assertThat(TagValues.model(null, name -> true)).isEqualTo("unknown");
    }

    @Test
    void aDepartmentIsItsIdNoneWithoutOneAndOtherForAnIdThatIsNoSlug() {
        assertThat(TagValues.department("transport")).isEqualTo("transport");
        assertThat(TagValues.department(null)).isEqualTo("none");
        assertThat(TagValues.department("")).isEqualTo("none");
        assertThat(TagValues.department("Transport Bureau")).isEqualTo("other");
        assertThat(TagValues.department("交通")).isEqualTo("other");
    }
}
