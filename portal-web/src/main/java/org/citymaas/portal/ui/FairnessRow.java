package org.citymaas.portal.ui;

import java.io.Serializable;
import java.util.List;
import java.util.stream.Collectors;
import org.citymaas.portal.models.entity.HeldOutCheck;
import org.citymaas.runtime.catalog.entity.FairnessCheck;
import org.citymaas.runtime.catalog.entity.FairnessReport;
import org.citymaas.runtime.catalog.entity.FairnessTolerances;

/**
 * A version card's fairness section as the versions page shows it: plain strings, judged against the platform's
 * tolerances (as the approval is).
 */
record FairnessRow(boolean missing, List<List<String>> checks, List<List<String>> groups, List<List<String>> outside)
        implements Serializable {

    FairnessRow(FairnessReport report) {
        this(
                report == null || report.checks().stream().noneMatch(c -> FairnessTolerances.known(c.metric())),
                report == null
                        ? List.of()
                        : report.checks().stream().map(FairnessRow::check).toList(),
                report == null
                        ? List.of()
                        : report.groups().stream()
                                .map(g -> List.of(
                                        g.attribute(),
                                        g.group(),
                                        Integer.toString(g.rows()),
                                        Boolean.toString(g.judged()),
                                        g.values().entrySet().stream()
                                                .filter(e -> e.getValue() != null)
                                                .map(e -> e.getKey() + " " + HeldOutCheck.number(e.getValue()))
                                                .collect(Collectors.joining(" · "))))
                                .toList(),
                report == null
                        ? List.of()
                        : report.outside().stream()
                                .map(c -> List.of(
                                        c.attribute(),
                                        c.worstGroup() == null ? "-" : c.worstGroup(),
                                        c.metric(),
                                        HeldOutCheck.number(c.value()),
                                        limit(c),
                                        c.bestGroup() == null ? "-" : c.bestGroup()))
                                .toList());
    }

    private static List<String> check(FairnessCheck c) {
        String verdict = !FairnessTolerances.known(c.metric())
                ? "notJudged"
                : c.withinLimit(FairnessTolerances.limit(c.metric())) ? "within" : "outside";
        return List.of(
                c.attribute(),
                c.metric(),
                HeldOutCheck.number(c.value()),
                FairnessTolerances.known(c.metric()) ? limit(c) : "",
                verdict,
                c.worstGroup() == null ? "-" : c.worstGroup(),
                c.bestGroup() == null ? "-" : c.bestGroup());
    }

    private static String limit(FairnessCheck c) {
        var t = FairnessTolerances.of(c.metric());
        return (t.atLeast() ? "≥ " : "≤ ") + HeldOutCheck.number(t.limit());
    }
}
