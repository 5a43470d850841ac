package org.citymaas.portal.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;
import org.citymaas.runtime.catalog.control.ModelCardCodec;
import org.citymaas.runtime.catalog.entity.ModelCard;
import org.junit.jupiter.api.Test;

/** The catalog card shows the card's text in the page's language, English where the card has no other. */
class ModelCardViewTest {

    @Test
    void showsTheChineseTextOnAChinesePageAndTheEnglishOnAnEnglishOne() throws IOException {
        var card = shipped("health-risk");

        var zh = new ModelCardView(card, null, "zh");
        var en = new ModelCardView(card, null, "en");

        assertThat(zh.getTitle()).isEqualTo("2型糖尿病风险评估");
        assertThat(zh.getIntendedUse()).startsWith("为社区卫生服务中心的筛查提供辅助");
        assertThat(zh.getLimitations()).hasSize(3).contains("不构成诊断；不得作为治疗或保险决定的唯一依据。");
        assertThat(zh.getInputs())
                .filteredOn(f -> f.getName().equals("blood_pressure"))
                .extracting(FieldView::getDescription)
                .containsExactly("舒张压。");
        assertThat(zh.getMetrics()).extracting(MetricView::getBaseline).containsExactly("常数评分", "多数类预测");
        assertThat(en.getTitle()).isEqualTo("Type 2 diabetes risk");
        assertThat(en.getInputs())
                .filteredOn(f -> f.getName().equals("blood_pressure"))
                .extracting(FieldView::getDescription)
                .containsExactly("Diastolic blood pressure.");
        assertThat(en.getMetrics())
                .extracting(MetricView::getBaseline)
                .containsExactly("constant score", "majority class");
    }

    @Test
    void aCardInEnglishOnlyShowsEnglishOnTheChinesePage() throws IOException {
        var card = shipped("health-risk").withTranslations(Map.of());

        var zh = new ModelCardView(card, null, "zh");

        assertThat(zh.getTitle()).isEqualTo("Type 2 diabetes risk");
        assertThat(zh.getLimitations()).isEqualTo(card.limitations());
    }

    @Test
    void theCatalogCardSaysWhetherItsFairnessChecksAreWithinTolerance() throws IOException {
        var traffic = new ModelCardView(shipped("traffic-flow-forecast"), null, "en");
        var health = new ModelCardView(shipped("health-risk"), null, "en");
        var none = new ModelCardView(shipped("health-risk").withFairness(null), null, "en");

        assertThat(traffic.getFairnessVerdict()).isEqualTo("within");
        assertThat(traffic.getFairnessOutsideCount()).isZero();
        assertThat(health.getFairnessVerdict())
                .as("the shipped card is outside on age band and sex")
                .isEqualTo("outside");
        assertThat(health.getFairnessOutsideCount()).isEqualTo(8);
        assertThat(health.getFairnessChecks())
                .hasSize(10)
                .anySatisfy(c -> assertThat(c.get(4)).isEqualTo("outside"));
        assertThat(none.getFairnessVerdict()).isEqualTo("none");
        assertThat(none.getFairnessChecks()).isEmpty();
    }

    private static ModelCard shipped(String model) throws IOException {
        try (var in = ModelCard.class.getResourceAsStream("/catalog/" + model + "/1/model-card.json")) {
            return ModelCardCodec.parse(in.readAllBytes());
        }
    }
}
