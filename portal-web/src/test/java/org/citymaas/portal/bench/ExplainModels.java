package org.citymaas.portal.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.citymaas.runtime.catalog.boundary.Catalog;
import org.citymaas.runtime.catalog.entity.ModelCard;
import org.citymaas.runtime.explain.boundary.Explainer;

/**
 * Which catalog models get explain cells ({@code -Dbench.explain.models=all|none|<model>,<model>...}, default
 * {@code all}: every catalog model whose card has an explanation method) and whose service account sends them:
 * each model's demo department ({@code -Dbench.explain.departments=<model>:<department>,...} changes one; the
 * bench's own model goes with {@code bench.department}).
 */
final class ExplainModels {

    /** The demo data's subscriptions ({@code db/demo/R__demo_subscriptions.sql}): each department its model. */
    static final Map<String, String> DEMO_DEPARTMENTS = Map.of(
            "traffic-flow-forecast", "transport",
            "education-score-predict", "education",
            "air-quality-forecast", "environment",
            "health-risk", "health",
            "complaint-routing", "hotline");

    private ExplainModels() {}

    /**
     * The models of a model repository whose default version's card has a usable explanation method, by name,
     * with that card (its method: {@code explanation().method()}); the cards only are read.
     */
    static Map<String, ModelCard> explainable(Path modelsDirectory) {
        var catalog = Catalog.fromDirectory(modelsDirectory);
        var cards = new LinkedHashMap<String, ModelCard>();
        for (var model : catalog.modelNames()) {
            catalog.versions(model).stream()
                    .filter(v -> v.defaultVersion() && Explainer.refusal(v.card()) == null)
                    .findFirst()
                    .ifPresent(v -> cards.put(model, v.card()));
        }
        return cards;
    }

    /**
     * The models to explain, in the catalog's order for {@code all}, else in the order given.
     *
     * @param setting {@code all}, {@code none} or a comma-separated list of model names
     * @param explainable the catalog's models that can be explained, in the catalog's order
     * @throws IllegalArgumentException a named model that is not among {@code explainable}
     */
    static List<String> select(String setting, List<String> explainable) {
        var text = setting == null ? "all" : setting.strip();
        if (text.isEmpty() || text.equalsIgnoreCase("all")) {
            return List.copyOf(explainable);
        }
        if (text.equalsIgnoreCase("none")) {
            return List.of();
        }
        var models = new ArrayList<String>();
        for (var part : text.split(",")) {
            var name = part.strip();
            if (name.isEmpty() || models.contains(name)) {
                continue;
            }
            if (!explainable.contains(name)) {
                throw new IllegalArgumentException("bench.explain.models: " + name
                        + " is no catalog model that can be explained (" + String.join(", ", explainable) + ")");
            }
            models.add(name);
        }
        return List.copyOf(models);
    }

    /**
     * The department each model is explained for: the bench's own department for the bench's model, else the
     * one {@code overrides} names ({@code model:department,...}), else the demo data's.
     *
     * @throws IllegalArgumentException an override that is no {@code model:department} pair, or a model with
     *     no department
     */
    static Map<String, String> departments(
            List<String> models, String overrides, String benchModel, String benchDepartment) {
        var named = new LinkedHashMap<String, String>();
        if (overrides != null && !overrides.isBlank()) {
            for (var part : overrides.split(",")) {
                var pair = part.strip().split(":");
                if (pair.length != 2 || pair[0].isBlank() || pair[1].isBlank()) {
                    throw new IllegalArgumentException(
                            "bench.explain.departments: " + part.strip() + " is no <model>:<department>");
                }
                named.put(pair[0].strip(), pair[1].strip());
            }
        }
        var departments = new LinkedHashMap<String, String>();
        for (var model : models) {
            var department =
                    model.equals(benchModel) ? benchDepartment : named.getOrDefault(model, DEMO_DEPARTMENTS.get(model));
            if (department == null) {
                throw new IllegalArgumentException("bench.explain.departments: no department for " + model);
            }
            departments.put(model, department);
        }
        return departments;
    }
}
