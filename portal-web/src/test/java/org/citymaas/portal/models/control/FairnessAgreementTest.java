package org.citymaas.portal.models.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.UnaryOperator;
import org.citymaas.portal.errors.RejectedModelUploadException;
import org.citymaas.runtime.catalog.entity.FairnessCheck;
import org.citymaas.runtime.catalog.entity.FairnessReport;
import org.citymaas.runtime.catalog.entity.GroupMetric;
import org.junit.jupiter.api.Test;

class FairnessAgreementTest {

    private static final FairnessReport BIASED = FairnessCards.BIASED_HEALTH_2;

    /** The report with one group's value replaced. */
    private static FairnessReport withGroupValue(FairnessReport r, String group, String metric, Double value) {
        return withGroups(r, g -> {
            if (!g.group().equals(group)) {
                return g;
            }
            var values = new LinkedHashMap<>(g.values());
            values.put(metric, value);
            return new GroupMetric(g.attribute(), g.group(), g.rows(), g.judged(), values);
        });
    }

    private static FairnessReport withGroups(FairnessReport r, UnaryOperator<GroupMetric> change) {
        return new FairnessReport(
                r.definitions(),
                r.minGroupRows(),
                r.groups().stream().map(change).toList(),
                r.checks(),
                r.tolerances());
    }

    private static FairnessReport withChecks(FairnessReport r, List<FairnessCheck> checks) {
        return new FairnessReport(r.definitions(), r.minGroupRows(), r.groups(), checks, r.tolerances());
    }

    private static RejectedModelUploadException refused(FairnessReport declared, FairnessReport measured) {
        return catchThrowableOfType(
                () -> FairnessAgreement.compare(declared, measured, 1200), RejectedModelUploadException.class);
    }

    @Test
    void aTableThatAgreesWithinTheToleranceIsKeptAsMeasured() {
        // 1% off everywhere: within 2% of the declared value
        var measured = withGroupValue(
                BIASED,
                "female",
                "ece",
                BIASED.groups().stream()
                                .filter(g -> g.group().equals("female"))
                                .findFirst()
                                .orElseThrow()
                                .value("ece")
                        * 1.01);

        var kept = FairnessAgreement.compare(BIASED, measured, 1200);

        assertThat(kept.rows()).isEqualTo(1200);
        assertThat(kept.report()).isSameAs(measured);
        assertThat(kept.note()).isEqualTo("fairness recomputed on 1200 held-out rows");
    }

    @Test
    void aCardClaimingAFairerGroupThanTheFileShowsIsRefusedNamingAttributeGroupMetricAndBothValues() {
        var claimed = withGroupValue(BIASED, "female", "ece", 0.05);

        var refused = refused(claimed, BIASED);

        assertThat(refused.reason()).isEqualTo("heldout-fairness-mismatch");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.extensions())
                .containsEntry("attribute", "sex")
                .containsEntry("group", "female")
                .containsEntry("metric", "ece")
                .containsEntry("declared", 0.05)
                .containsEntry("measured", 0.186311)
                .containsEntry("rows", 1200);
        assertThat(refused.getMessage())
                .contains("declares sex female: ece 0.05 but it measures 0.186311 on the 1200 held-out rows");
    }

    @Test
    void aCheckValueOutsideTheToleranceIsRefusedAndSoIsAMissingOrAnExtraCheck() {
        var checks = new ArrayList<>(BIASED.checks());
        var first = checks.get(0);
        checks.set(
                0,
                new FairnessCheck(
                        first.attribute(),
                        first.metric(),
                        0.05,
                        first.gap(),
                        first.tolerance(),
                        first.atLeast(),
                        first.worstGroup(),
                        first.bestGroup(),
                        true));
        var changed = refused(withChecks(BIASED, checks), BIASED);
        var missing = refused(
                BIASED,
                withChecks(BIASED, BIASED.checks().subList(1, BIASED.checks().size())));
        var extra = refused(
                withChecks(BIASED, BIASED.checks().subList(1, BIASED.checks().size())), BIASED);

        assertThat(changed.extensions())
                .containsEntry("attribute", "age_band")
                .containsEntry("metric", "accuracy_gap")
                .containsEntry("group", "50-64")
                .containsEntry("declared", 0.05)
                .containsEntry("measured", first.value());
        assertThat(missing.extensions()).containsEntry("metric", "accuracy_gap").doesNotContainKey("measured");
        assertThat(extra.extensions()).containsEntry("metric", "accuracy_gap").doesNotContainKey("declared");
    }

    @Test
    void groupRowCountsMustBeExactAndAGroupOnlyTheFileHasIsCountedNotNamed() {
        var moreRows = withGroups(
                BIASED,
                g -> g.group().equals("male")
                        ? new GroupMetric(g.attribute(), g.group(), g.rows() + 1, g.judged(), g.values())
                        : g);
        var renamed = withGroups(
                BIASED,
                g -> g.group().equals("male")
                        ? new GroupMetric(g.attribute(), "Secret-Label", g.rows(), g.judged(), g.values())
                        : g);
        var rowsRefused = refused(BIASED, moreRows);
        var declaredMissing = refused(BIASED, renamed);
        var extraGroup = refused(withGroups(renamed, g -> g), withGroups(BIASED, g -> g));

        assertThat(rowsRefused.extensions())
                .containsEntry("group", "male")
                .containsEntry("metric", "rows")
                .containsEntry("declared", 267.0)
                .containsEntry("measured", 268.0);
        assertThat(declaredMissing.extensions()).containsEntry("group", "male").containsEntry("measured", 0.0);
        // the card lists "Secret-Label" and not male: male is the file's, so it is counted, not named
        assertThat(extraGroup.extensions()).containsEntry("group", "Secret-Label");
        var onlyFile = refused(
                withGroups(BIASED, g -> g),
                new FairnessReport(
                        BIASED.definitions(),
                        BIASED.minGroupRows(),
                        concat(BIASED.groups(), new GroupMetric("sex", "Unlisted-Cell", 1, false, null)),
                        BIASED.checks(),
                        BIASED.tolerances()));
        assertThat(onlyFile.extensions())
                .containsEntry("attribute", "sex")
                .containsEntry("group", "-")
                .containsEntry("metric", "groups")
                .containsEntry("undeclaredGroups", 1L);
        assertThat(onlyFile.getMessage()).doesNotContain("Unlisted-Cell");
    }

    @Test
    void aMetricUndefinedForAGroupMustBeUndefinedOnBothSides() {
        var undefined = withGroupValue(BIASED, "female", "tpr", null);

        assertThat(refused(undefined, BIASED).extensions())
                .containsEntry("group", "female")
                .containsEntry("metric", "tpr")
                .doesNotContainKey("declared");
        assertThat(FairnessAgreement.compare(undefined, undefined, 1200).report())
                .isSameAs(undefined);
    }

    private static List<GroupMetric> concat(List<GroupMetric> groups, GroupMetric more) {
        var all = new ArrayList<>(groups);
        all.add(more);
        return all;
    }
}
