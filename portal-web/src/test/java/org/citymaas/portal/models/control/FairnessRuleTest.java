package org.citymaas.portal.models.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.util.List;
import org.citymaas.portal.errors.FourEyesException;
import org.citymaas.portal.models.entity.VersionRecord;
import org.citymaas.portal.models.entity.VersionState;
import org.citymaas.runtime.catalog.entity.FairnessCheck;
import org.citymaas.runtime.catalog.entity.FairnessReport;
import org.junit.jupiter.api.Test;

/** The publishing check on the card's fairness section, as {@link VersionRules#approve} applies it. */
class FairnessRuleTest {

    private static VersionRecord staged(String model) {
        return new VersionRecord(
                model, "2", VersionState.STAGED, "platform-admin", Instant.EPOCH, null, null, null, null, 10L, null);
    }

    @Test
    void theBiasedVariantIsRefusedNamingTheGroupAndMetricOutsideTheTolerance() {
        assertThat(FairnessCards.BIASED_HEALTH_2).isNotNull();

        var e = catchThrowableOfType(
                FairnessRefusedException.class,
                () -> VersionRules.approve(staged("health-risk"), "platform-admin-2", FairnessCards.BIASED_HEALTH_2));

        assertThat(e.status()).isEqualTo(409);
        assertThat(e.reason()).isEqualTo("fairness-outside-tolerance");
        assertThat(e.getMessage())
                .contains("health-risk' version 2 cannot be published")
                .contains("sex female: max_group_ece")
                .contains("must be at most 0.1");
        assertThat(e.extensions())
                .containsEntry("model", "health-risk")
                .containsEntry("version", "2")
                .containsEntry("state", "STAGED")
                .containsKeys("attribute", "group", "metric", "value", "tolerance");
        assertThat(FairnessRule.blockers(FairnessCards.BIASED_HEALTH_2))
                .anyMatch(b -> b.startsWith("sex female: max_group_ece 0.186"))
                .anyMatch(b -> b.startsWith("sex female: accuracy_gap"));
    }

    @Test
    void aCardWithoutAFairnessTableIsRefused() {
        var e = catchThrowableOfType(
                FairnessRefusedException.class,
                () -> VersionRules.approve(staged("traffic-flow-forecast"), "platform-admin-2", null));

        assertThat(e.status()).isEqualTo(409);
        assertThat(e.reason()).isEqualTo("no-fairness-table");
        assertThat(e.getMessage()).contains("its model card has no fairness table");
        var empty = new FairnessReport("none", 30, List.of(), List.of(), null);
        assertThat(catchThrowableOfType(
                                FairnessRefusedException.class,
                                () -> VersionRules.approve(staged("traffic-flow-forecast"), "platform-admin-2", empty))
                        .reason())
                .isEqualTo("no-fairness-table");
        assertThat(FairnessRule.blockers(null)).singleElement().asString().contains("no fairness table");
    }

    @Test
    void aVersionWithinTheToleranceIsPublishedAndHasNoBlockers() {
        assertThat(VersionRules.approve(staged("traffic-flow-forecast"), "platform-admin-2", FairnessCards.TRAFFIC_2))
                .isEqualTo(VersionState.PUBLISHED);
        assertThat(FairnessRule.blockers(FairnessCards.TRAFFIC_2)).isEmpty();
    }

    @Test
    void thePlatformsToleranceCountsNotTheOneOrTheVerdictTheCardStates() {
        // a card claiming "within" under a looser tolerance of its own
        var claimed = new FairnessCheck("district", "mae_ratio", 1.6, 4.2, 2.0, false, "East", "Centre", true);
        var report = new FairnessReport("claimed", 30, List.of(), List.of(claimed), null);

        var e = catchThrowableOfType(
                FairnessRefusedException.class,
                () -> VersionRules.approve(staged("education-score-predict"), "platform-admin-2", report));

        assertThat(e.getMessage())
                .contains("district East: mae_ratio 1.6, must be at most 1.25 (compared with Centre)");
        assertThat(e.extensions()).containsEntry("tolerance", 1.25).containsEntry("group", "East");
    }

    @Test
    void theShippedHealthRiskCardIsOutsideItsToleranceAndSaysSo() {
        assertThat(FairnessRule.blockers(FairnessCards.HEALTH_1))
                .isNotEmpty()
                .anyMatch(b -> b.startsWith("age_band 21-29: demographic_parity_difference"));
    }

    @Test
    void fourEyesComesFirst() {
        assertThat(catchThrowableOfType(
                        FourEyesException.class,
                        () -> VersionRules.approve(
                                staged("health-risk"), "platform-admin", FairnessCards.BIASED_HEALTH_2)))
                .isNotNull();
    }

    @Test
    void withoutARecomputedTableAnUploadedVersionIsRefusedUnlessThePlatformAllowsDeclaredTables() {
        var declaredFair = FairnessCards.TRAFFIC_2;

        var e = catchThrowableOfType(
                FairnessRefusedException.class,
                () -> VersionRules.approve(
                        staged("traffic-flow-forecast"), "platform-admin-2", declaredFair, null, true));

        assertThat(e.status()).isEqualTo(409);
        assertThat(e.reason()).isEqualTo("fairness-not-recomputed");
        assertThat(e.getMessage()).contains("not recomputed by the platform", "group:<attribute>");
        assertThat(FairnessRule.blockers(declaredFair, null, true)).containsExactly(FairnessRule.NOT_RECOMPUTED);
        // require-recomputed=false: the card's own table is judged, as before
        assertThat(VersionRules.approve(staged("traffic-flow-forecast"), "platform-admin-2", declaredFair, null, false))
                .isEqualTo(VersionState.PUBLISHED);
        assertThat(FairnessRule.blockers(declaredFair, null, false)).isEmpty();
        // no table at all is named first
        assertThat(catchThrowableOfType(
                                FairnessRefusedException.class,
                                () -> VersionRules.approve(
                                        staged("traffic-flow-forecast"), "platform-admin-2", null, null, true))
                        .reason())
                .isEqualTo("no-fairness-table");
    }

    @Test
    void theMeasuredReportIsJudgedNotTheCardsNumbers() {
        var measuredFair = new org.citymaas.portal.models.entity.MeasuredFairness(7440, FairnessCards.TRAFFIC_2);
        var measuredBiased =
                new org.citymaas.portal.models.entity.MeasuredFairness(1200, FairnessCards.BIASED_HEALTH_2);

        // a card whose own numbers are outside, measured within: published
        assertThat(VersionRules.approve(
                        staged("traffic-flow-forecast"),
                        "platform-admin-2",
                        FairnessCards.BIASED_HEALTH_2,
                        measuredFair,
                        true))
                .isEqualTo(VersionState.PUBLISHED);
        assertThat(FairnessRule.blockers(FairnessCards.BIASED_HEALTH_2, measuredFair, true))
                .isEmpty();
        // measured outside: refused on the measured report
        var e = catchThrowableOfType(
                FairnessRefusedException.class,
                () -> VersionRules.approve(
                        staged("health-risk"), "platform-admin-2", FairnessCards.TRAFFIC_2, measuredBiased, true));
        assertThat(e.reason()).isEqualTo("fairness-outside-tolerance");
        assertThat(e.extensions())
                .containsEntry("judged", "measured")
                .containsEntry("attribute", "age_band")
                .containsEntry("metric", "accuracy_gap");
        assertThat(e.getMessage()).contains("sex female: max_group_ece 0.186311, must be at most 0.1");
        assertThat(FairnessRule.blockers(FairnessCards.TRAFFIC_2, measuredBiased, true))
                .anyMatch(b -> b.startsWith("sex female: max_group_ece 0.186"));
    }
}
