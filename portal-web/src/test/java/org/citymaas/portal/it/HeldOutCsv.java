package org.citymaas.portal.it;

import java.util.Set;
import org.citymaas.runtime.training.boundary.HeldOutFiles;
import org.citymaas.runtime.training.control.CatalogRecipes;

/**
 * A held-out file as a platform admin sends it with an upload, written by the trainer's own writer from its
 * generator and seed ({@link HeldOutFiles}): every column of the held-out rows (a column of width {@code w} as
 * {@code name[0]..name[w-1]}), then a group column {@code group:<attribute>} per group attribute of the recipe.
 */
final class HeldOutCsv {

    private HeldOutCsv() {}

    /**
     * The held-out rows of a recipe ({@code traffic-flow-forecast@2:20261207}) with their group columns, without
     * the named columns (a field's name or {@code group:<attribute>}).
     */
    static byte[] of(String recipe, Set<String> without) {
        return HeldOutFiles.csv(CatalogRecipes.named(recipe), without);
    }
}
