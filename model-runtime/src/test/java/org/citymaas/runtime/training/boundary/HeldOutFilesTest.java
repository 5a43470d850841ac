package org.citymaas.runtime.training.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.citymaas.runtime.training.control.CatalogRecipes;
import org.citymaas.runtime.training.control.GroupAttributes;
import org.citymaas.runtime.training.control.HealthRiskRecipe;
import org.junit.jupiter.api.Test;

class HeldOutFilesTest {

    private static List<String> lines(byte[] csv) {
        return List.of(new String(csv, StandardCharsets.UTF_8).split("\r\n"));
    }

    @Test
    void aHealthRiskFileCarriesTheInputsTheTargetThenOneColumnPerGroupAttribute() {
        var lines = lines(HeldOutFiles.csv(new HealthRiskRecipe(), Set.of()));

        assertThat(lines.get(0))
                .isEqualTo("pregnancies,glucose,blood_pressure,skin_thickness,insulin,bmi,diabetes_pedigree,age,target,"
                        + "group:age_band,group:sex");
        assertThat(lines).hasSize(1 + 1200);
        var split = new HealthRiskRecipe().generate();
        var sex = split.heldOutGroups().column(GroupAttributes.column("sex")).strings();
        var band =
                split.heldOutGroups().column(GroupAttributes.column("age_band")).strings();
        for (int r = 0; r < 1200; r++) {
            assertThat(lines.get(r + 1)).endsWith(",\"" + band[r] + "\",\"" + sex[r] + "\"");
        }
        // the generator's largest pregnancies count, which the card's range covers now
        double most = lines.stream()
                .skip(1)
                .mapToDouble(l -> Double.parseDouble(l.substring(0, l.indexOf(','))))
                .max()
                .orElseThrow();
        assertThat(most).isGreaterThan(20).isLessThanOrEqualTo(25);
    }

    @Test
    void aColumnCanBeLeftOutToMakeAFileLackingIt() {
        var header = lines(HeldOutFiles.csv(new HealthRiskRecipe(), Set.of("group:sex", "glucose")))
                .get(0);

        assertThat(header)
                .isEqualTo(
                        "pregnancies,blood_pressure,skin_thickness,insulin,bmi,diabetes_pedigree,age,target,group:age_band");
    }

    @Test
    void everyRecipesGroupAttributesAreTheGroupColumnsItsGeneratorMakes() {
        for (var recipe : CatalogRecipes.all()) {
            var made = recipe.generate().heldOutGroups().columns().keySet().stream()
                    .map(c -> c.substring(GroupAttributes.PREFIX.length()))
                    .toList();

            assertThat(recipe.groupAttributes()).as(recipe.name()).isNotEmpty().isEqualTo(made);
        }
    }
}
