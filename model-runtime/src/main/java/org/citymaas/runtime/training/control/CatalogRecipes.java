package org.citymaas.runtime.training.control;

import java.util.List;
import java.util.NoSuchElementException;

/** The five models of the shipped catalog. */
public final class CatalogRecipes {

    private CatalogRecipes() {}

    public static List<ModelRecipe> all() {
        return List.of(
                new TrafficFlowRecipe(),
                new EducationScoreRecipe(),
                new AirQualityRecipe(),
                new ComplaintRoutingRecipe(),
                new HealthRiskRecipe());
    }

    public static ModelRecipe named(String name) {
        return all().stream()
                .filter(r -> r.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException("no recipe " + name));
    }
}
