package org.citymaas.portal.models.control;

import java.util.LinkedHashMap;
import java.util.List;
import org.citymaas.portal.models.entity.HeldOutCheck;
import org.citymaas.portal.models.entity.VersionRecord;
import org.citymaas.runtime.catalog.entity.FairnessCheck;
import org.citymaas.runtime.catalog.entity.FairnessReport;
import org.citymaas.runtime.catalog.entity.FairnessTolerances;

/**
 * Whether a version's card lets it be published: it has a fairness section with at least one check the
 * platform judges, and every such check lies within the platform's tolerance ({@link FairnessTolerances}, not
 * the tolerance the card states; a check metric the platform does not know is shown but not judged).
 */
public final class FairnessRule {

    private FairnessRule() {}

    /** Why the card keeps the version from being published: empty when nothing does. */
    public static List<String> blockers(FairnessReport report) {
        if (report == null || report.checks().stream().noneMatch(c -> FairnessTolerances.known(c.metric()))) {
            return List.of(noTable());
        }
        return report.outside().stream().map(FairnessRule::describe).toList();
    }

    /**
     * Checks the card of a version about to be published.
     *
     * @throws FairnessRefusedException 409 naming the missing table or the first check outside the tolerance
     */
    public static void requireWithinTolerance(VersionRecord v, FairnessReport report) {
        var members = new LinkedHashMap<String, Object>();
        members.put("model", v.model());
        members.put("version", v.version());
        members.put("state", v.state().name());
        if (report == null || report.checks().stream().noneMatch(c -> FairnessTolerances.known(c.metric()))) {
            members.put("reason", "no-fairness-table");
            throw new FairnessRefusedException(
                    "model '" + v.model() + "' version " + v.version() + " cannot be published: " + noTable(), members);
        }
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
            throw new FairnessRefusedException(
                    "model '" + v.model() + "' version " + v.version() + " cannot be published: "
                            + String.join(
                                    "; ",
                                    outside.stream().map(FairnessRule::describe).toList()),
                    members);
        }
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
