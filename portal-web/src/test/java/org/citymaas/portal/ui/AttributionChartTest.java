package org.citymaas.portal.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.citymaas.portal.inference.control.ExplanationCodecTest;
import org.citymaas.portal.inference.entity.ExplanationOutcome;
import org.citymaas.runtime.catalog.entity.ExplanationSpec;
import org.citymaas.runtime.explain.entity.Attribution;
import org.citymaas.runtime.explain.entity.Explanation;
import org.citymaas.runtime.explain.entity.RowExplanation;
import org.junit.jupiter.api.Test;

class AttributionChartTest {

    @Test
    void barsAreTheFirstRowsSharesLargestFirstSignedAndScaledToTheLargest() {
        var chart = AttributionChart.of(ExplanationCodecTest.outcome());

        assertThat(chart.getMethod()).isEqualTo("exact-shapley");
        assertThat(chart.getPrediction()).isEqualTo("0.75");
        assertThat(chart.getBaseline()).isEqualTo("0.35");
        assertThat(chart.getTolerance()).isEqualTo("0.0001");
        assertThat(chart.getBars())
                .extracting(AttributionChart.Bar::feature, AttributionChart.Bar::value, AttributionChart.Bar::positive)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("glucose", "+0.5", true),
                        org.assertj.core.groups.Tuple.tuple("bmi", "-0.1", false));
        assertThat(chart.getBars().get(0).getStyle()).isEqualTo("left:50%;width:50.00%");
        assertThat(chart.getBars().get(1).getStyle()).isEqualTo("right:50%;width:10.00%");
        assertThat(chart.isTruncated()).isFalse();
    }

    @Test
    void aComplaintsManyTokensShowTheLargestAndSaySo() {
        var base = ExplanationCodecTest.outcome();
        var shares = new ArrayList<Attribution>();
        for (int i = 0; i < 30; i++) {
            shares.add(new Attribution("t" + i, i == 7 ? 0.9 : 0.01 * i));
        }
        var explanation = new Explanation(
                base.explanation().model(),
                ExplanationSpec.OCCLUSION,
                "department_probs",
                "交通运输局",
                List.of(new RowExplanation(0.95, 0.2, shares, "交通运输局")),
                32);
        var spec = new ExplanationSpec(ExplanationSpec.OCCLUSION, "department_probs", "top", "the empty text", null, 0);

        var chart = AttributionChart.of(new ExplanationOutcome(base.answer(), explanation, spec));

        assertThat(chart.getBars()).hasSize(AttributionChart.MAX_BARS);
        assertThat(chart.getBars().get(0).feature()).isEqualTo("t7");
        assertThat(chart.getTotal()).isEqualTo(30);
        assertThat(chart.isTruncated()).isTrue();
        assertThat(chart.getTolerance()).as("occlusion states no sum").isNull();
        assertThat(chart.getOutputLabel()).isEqualTo("交通运输局");
    }

    @Test
    void everyTextOfTheChartIsInBothLanguages() throws IOException {
        var keys = new TreeSet<String>();
        var matcher = Pattern.compile("msg\\['(model\\.explain[A-Za-z0-9._-]*)'\\]")
                .matcher(Files.readString(Path.of("src/main/webapp/portal/model.xhtml")));
        while (matcher.find()) {
            keys.add(matcher.group(1));
        }
        for (var method : List.of(ExplanationSpec.EXACT_SHAPLEY, ExplanationSpec.OCCLUSION)) {
            keys.add("model.explain.method." + method);
            keys.add("model.explain.baseline." + method);
        }
        keys.add("billing.unit.EXPLANATION");
        assertThat(keys).hasSizeGreaterThan(12);
        for (var bundle : List.of("Messages.properties", "Messages_en.properties")) {
            var properties = new Properties();
            try (var in = getClass().getResourceAsStream("/org/citymaas/portal/ui/" + bundle)) {
                properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            assertThat(properties.stringPropertyNames()).as(bundle).containsAll(keys);
        }
    }
}
