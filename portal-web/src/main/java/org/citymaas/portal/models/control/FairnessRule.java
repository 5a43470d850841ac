package org.citymaas.portal.models.control;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.citymaas.portal.models.entity.HeldOutCheck;
import org.citymaas.portal.models.entity.MeasuredFairness;
import org.citymaas.portal.models.entity.VersionRecord;
import org.citymaas.runtime.catalog.entity.FairnessCheck;
import org.citymaas.runtime.catalog.entity.FairnessReport;
import org.citymaas.runtime.catalog.entity.FairnessTolerances;

/**
 * Whether a version's card lets it be published: it has a fairness section with at least one check the
 * platform judges, the platform recomputed that table on the held-out file's rows at upload (unless {@code
 * citymaas.models.fairness.require-recomputed} is false: then the card's own numbers are judged), and every
 * check of the judged report (the measured one when there is one) lies within the platform's tolerance ({@link
 * FairnessTolerances}, not the tolerance the card states; a check metric the platform does not know is shown
 * but not judged).
 */
public final class FairnessRule {

    /** The blocker of a version whose fairness table the platform did not recompute. */
    public static final String NOT_RECOMPUTED =
            "its fairness table is the uploader's claim, not recomputed by the platform (upload the version with"
                    + " a held-out file that has a group:<attribute> column for each group attribute)";

    private FairnessRule() {}

    /** Why the card keeps the version from being published, its own numbers judged: empty when nothing does. */
    public static List<String> blockers(FairnessReport report) {
        return blockers(report, null, false);
    }

    /**
     * Why the version's fairness keeps it from being published: empty when nothing does.
     *
     * @param declared the card's fairness section, or null
     * @param measured the report recomputed at upload, or null
     * @param requireRecomputed whether a table the platform did not recompute keeps it from being published
     */
    public static List<String> blockers(FairnessReport declared, MeasuredFairness measured, boolean requireRecomputed) {
        if (!hasTable(declared)) {
            return List.of(noTable());
        }
        var blockers = new ArrayList<String>();
        if (measured == null && requireRecomputed) {
            blockers.add(notRecomputed());
        }
        var judged = measured != null ? measured.report() : declared;
        judged.outside().stream().map(FairnessRule::describe).forEach(blockers::add);
        return blockers;
    }

    /** Checks the card of a version about to be published, its own numbers judged. */
    public static void requireWithinTolerance(VersionRecord v, FairnessReport report) {
        requireWithinTolerance(v, report, null, false);
    }

    /**
     * Checks the fairness of a version about to be published: the measured report when there is one, else
     * (unless {@code requireRecomputed}) the card's.
     *
     * @throws FairnessRefusedException 409 naming the missing table ({@code no-fairness-table}), the table not
     *     recomputed ({@code fairness-not-recomputed}) or the first check outside the tolerance ({@code
     *     fairness-outside-tolerance}, member {@code judged}: {@code measured} or {@code declared})
     */
    public static void requireWithinTolerance(
            VersionRecord v, FairnessReport declared, MeasuredFairness measured, boolean requireRecomputed) {
        var members = new LinkedHashMap<String, Object>();
        members.put("model", v.model());
        members.put("version", v.version());
        members.put("state", v.state().name());
        if (!hasTable(declared)) {
            members.put("reason", "no-fairness-table");
            throw new FairnessRefusedException(
                    "model '" + v.model() + "' version " + v.version() + " cannot be published: " + noTable(), members);
        }
        if (measured == null && requireRecomputed) {
            members.put("reason", "fairness-not-recomputed");
            throw new FairnessRefusedException(
                    "Model version's fairness not recomputed",
                    "model '" + v.model() + "' version " + v.version() + " cannot be published: " + notRecomputed(),
                    members);
        }
        var report = measured != null ? measured.report() : declared;
        var outside = report.outside();
        if (!outside.isEmpty()) {
            var first = outside.get(0);
            members.put("reason", "fairness-outside-tolerance");
            members.put("attribute", first.attribute());
            members.put("group", first.worstGroup() == null ? "-" : first.worstGroup());
            members.put("metric", first.metric());
            members.put("value", first.value());
            members.put("tolerance", FairnessTolerances.limit(first.metric()));
            members.put("outside", outside.size());
            members.put("judged", measured != null ? "measured" : "declared");
            throw new FairnessRefusedException(
                    "model '" + v.model() + "' version " + v.version() + " cannot be published: "
                            + String.join(
                                    "; ",
                                    outside.stream().map(FairnessRule::describe).toList()),
                    members);
        }
    }

    private static boolean hasTable(FairnessReport report) {
        return report != null && report.checks().stream().anyMatch(c -> FairnessTolerances.known(c.metric()));
    }

    private static String notRecomputed() {
        return NOT_RECOMPUTED;
    }

    private static String noTable() {
        return "its model card has no fairness table (per-group metrics on held-out rows with their checks)";
    }

    /** {@code age_band 65+: selection_rate_ratio 0.41, must be at least 0.8 (compared with 21-29)}. */
    static String describe(FairnessCheck c) {
        var limit = FairnessTolerances.of(c.metric());
        return c.attribute() + " " + (c.worstGroup() == null ? "" : c.worstGroup() + ": ") + c.metric() + " "
                + HeldOutCheck.number(c.value()) + ", must be " + (limit.atLeast() ? "at least " : "at most ")
                + HeldOutCheck.number(limit.limit())
                + (c.bestGroup() == null ? "" : " (compared with " + c.bestGroup() + ")");
    }
}
