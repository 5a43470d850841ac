package org.citymaas.portal.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.citymaas.portal.models.boundary.ModelVersionView;
import org.citymaas.portal.models.control.FairnessRule;
import org.citymaas.runtime.catalog.control.ModelCardCodec;
import org.citymaas.runtime.catalog.entity.FairnessReport;
import org.junit.jupiter.api.Test;

/** The versions page's fairness table and the reasons a staged version cannot be approved, in both languages. */
class ModelVersionsFairnessTest {

    private static final Pattern LITERAL_KEY = Pattern.compile("msg\\['([A-Za-z0-9._-]+)'\\]");

    private static Properties bundle(String name) throws IOException {
        var properties = new Properties();
        try (var in = ModelVersionsFairnessTest.class.getResourceAsStream("/org/citymaas/portal/ui/" + name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    private static FairnessReport card(String resource) throws IOException {
        try (var in = ModelVersionsFairnessTest.class.getResourceAsStream(resource)) {
            return ModelCardCodec.parse(in.readAllBytes()).fairness();
        }
    }

    private static ModelVersionRow row(FairnessReport fairness) {
        var view = new ModelVersionView(
                "health-risk",
                "2",
                "STAGED",
                false,
                false,
                "platform-admin",
                null,
                null,
                null,
                null,
                null,
                10L,
                null,
                ModelVersionView.NOT_RECOMPUTED,
                null,
                List.of(),
                fairness,
                org.citymaas.portal.models.entity.MeasuredFairness.NOT_RECOMPUTED,
                null,
                null,
                FairnessRule.blockers(fairness));
        return new ModelVersionRow(view, "platform-admin-2");
    }

    @Test
    void everyFairnessKeyOfTheVersionsPageIsInBothLanguages() throws IOException {
        var page = Files.readString(Path.of("src/main/webapp/portal/admin/models.xhtml"));
        var keys = new TreeSet<String>();
        var matcher = LITERAL_KEY.matcher(page);
        while (matcher.find()) {
            keys.add(matcher.group(1));
        }
        assertThat(page).contains("msg['models.fairness.'.concat(c[4])]");
        keys.addAll(List.of("models.fairness.within", "models.fairness.outside", "models.fairness.notJudged"));
        assertThat(keys).contains("models.fairness", "models.fairness.blocked", "models.fairness.blocker");
        var chinese = bundle("Messages.properties");
        var english = bundle("Messages_en.properties");
        assertThat(chinese.stringPropertyNames()).containsAll(keys);
        assertThat(english.stringPropertyNames()).containsAll(keys);
        assertThat(chinese.getProperty("models.fairness.blocked"))
                .isNotEqualTo(english.getProperty("models.fairness.blocked"));
    }

    @Test
    void theBiasedVariantsRowShowsItsChecksAndWhyItCannotBeApproved() throws IOException {
        var row = row(card("/model-versions/health-risk-2-biased/model-card.json"));

        assertThat(row.isFairnessMissing()).isFalse();
        assertThat(row.getFairnessChecks())
                .contains(List.of("sex", "max_group_ece", "0.186311", "≤ 0.1", "outside", "female", "male"));
        assertThat(row.getFairnessChecks())
                .anyMatch(c -> c.get(1).equals("equalized_odds_difference")
                        && c.get(0).equals("sex")
                        && c.get(4).equals("within"));
        assertThat(row.getFairnessOutside())
                .contains(List.of("sex", "female", "max_group_ece", "0.186311", "≤ 0.1", "male"));
        assertThat(row.getFairnessGroups())
                .anyMatch(g -> g.get(0).equals("sex")
                        && g.get(1).equals("female")
                        && g.get(2).equals("933")
                        && g.get(4).contains("tpr 0.0827"));
    }

    @Test
    void aVersionWithinTheToleranceHasNoBlockersAndOneWithoutATableSaysSo() throws IOException {
        var within = row(card("/model-versions/traffic-flow-forecast-2/model-card.json"));
        assertThat(within.isFairnessMissing()).isFalse();
        assertThat(within.getFairnessOutside()).isEmpty();
        assertThat(within.getFairnessChecks()).allMatch(c -> c.get(4).equals("within"));

        var missing = row(null);
        assertThat(missing.isFairnessMissing()).isTrue();
        assertThat(missing.getFairnessChecks()).isEmpty();
    }

    @Test
    void theRowShowsTheRecomputedReportAndWhetherTheMissingRecomputationBlocksIt() throws IOException {
        var declared = card("/model-versions/traffic-flow-forecast-2/model-card.json");
        var biased = card("/model-versions/health-risk-2-biased/model-card.json");
        var measured = new org.citymaas.portal.models.entity.MeasuredFairness(1200, biased);
        var view = new ModelVersionView(
                "health-risk",
                "2",
                "STAGED",
                false,
                false,
                "platform-admin",
                null,
                null,
                null,
                null,
                null,
                10L,
                null,
                ModelVersionView.NOT_RECOMPUTED,
                null,
                List.of(),
                declared,
                measured.note(),
                1200,
                biased,
                FairnessRule.blockers(declared, measured, true));
        var recomputed = new ModelVersionRow(view, "platform-admin-2");

        assertThat(recomputed.getFairnessRows()).isEqualTo(1200);
        assertThat(recomputed.isFairnessNotRecomputed()).isFalse();
        assertThat(recomputed.getFairnessOutside())
                .as("the measured report is shown and judged, not the card's")
                .contains(List.of("sex", "female", "max_group_ece", "0.186311", "≤ 0.1", "male"));

        var notRecomputedView = new ModelVersionView(
                "traffic-flow-forecast",
                "2",
                "STAGED",
                false,
                false,
                "platform-admin",
                null,
                null,
                null,
                null,
                null,
                10L,
                null,
                ModelVersionView.NOT_RECOMPUTED,
                null,
                List.of(),
                declared,
                org.citymaas.portal.models.entity.MeasuredFairness.NOT_RECOMPUTED,
                null,
                null,
                FairnessRule.blockers(declared, null, true));
        var claimed = new ModelVersionRow(notRecomputedView, "platform-admin-2");
        assertThat(claimed.getFairnessRows()).isZero();
        assertThat(claimed.isFairnessNotRecomputed()).isTrue();
        assertThat(claimed.getFairnessOutside()).isEmpty();
        var chinese = bundle("Messages.properties");
        var english = bundle("Messages_en.properties");
        for (var key : List.of(
                "models.fairness.recomputed",
                "models.fairness.declared",
                "models.fairness.shipped",
                "models.fairness.notRecomputedBlocker")) {
            assertThat(chinese.getProperty(key)).as(key).isNotBlank().isNotEqualTo(english.getProperty(key));
        }
    }
}
