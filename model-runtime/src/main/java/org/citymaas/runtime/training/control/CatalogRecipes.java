package org.citymaas.runtime.training.control;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

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

    /**
     * A recipe by name; {@code traffic-flow-forecast@<version>:<seed>} is traffic-flow-forecast retrained as
     * another version from another seed.
     */
    public static ModelRecipe named(String name) {
        if (name.startsWith(TrafficFlowRecipe.NAME + "@")) {
            var spec = name.substring(TrafficFlowRecipe.NAME.length() + 1).split(":", 2);
            return new TrafficFlowRecipe(spec[0], Long.parseLong(spec[1]));
        }
        return all().stream()
                .filter(r -> r.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException("no recipe " + name));
    }

    /**
     * The shipped recipe whose generator a card names ({@code training_data.generator}, a recipe's class name):
     * its held-out metrics are the ones that recipe defines, whatever version or seed it was trained from.
     */
    public static Optional<ModelRecipe> generating(String generator) {
        return all().stream()
                .filter(r -> r.getClass().getName().equals(generator))
                .findFirst();
    }
}
