package org.citymaas.runtime.training.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.citymaas.runtime.catalog.boundary.Catalog;
import org.citymaas.runtime.catalog.entity.ModelRef;
import org.citymaas.runtime.training.control.CatalogRecipes;
import org.junit.jupiter.api.Test;

class FairnessReportsTest {

    @Test
    void everyShippedCardsFairnessTableReadsBackFromItsJson() {
        var catalog = Catalog.fromDirectory(Path.of("src/main/resources/catalog"));
        for (var recipe : CatalogRecipes.all()) {
            var report = catalog.resolve(ModelRef.of(recipe.name())).card().fairness();

            var json = FairnessReports.toJson(report);

            assertThat(json).contains("\"min_group_rows\"", "\"worst_group\"");
            assertThat(FairnessReports.fromJson(json)).as(recipe.name()).isEqualTo(report);
        }
    }
}
