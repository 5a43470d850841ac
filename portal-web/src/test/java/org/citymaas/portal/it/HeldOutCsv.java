package org.citymaas.portal.it;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Set;
import org.citymaas.runtime.training.control.CatalogRecipes;
import org.citymaas.runtime.training.control.Table;

/**
 * A held-out file as a platform admin sends it with an upload, made from the trainer's own generator and
 * seed: every column of the held-out rows (a column of width {@code w} as {@code name[0]..name[w-1]}).
 */
final class HeldOutCsv {

    private HeldOutCsv() {}

    /** The held-out rows of a recipe ({@code traffic-flow-forecast@2:20261207}), without the named columns. */
    static byte[] of(String recipe, Set<String> without) {
        Table table = CatalogRecipes.named(recipe).generate().heldOut();
        var columns = table.columns().values().stream()
                .filter(t -> !without.contains(t.name()))
                .toList();
        var out = new StringBuilder();
        var header = new ArrayList<String>();
        for (var t : columns) {
            int width = t.size() / t.rows();
            if (width == 1) {
                header.add(t.name());
            } else {
                for (int i = 0; i < width; i++) {
                    header.add(t.name() + "[" + i + "]");
                }
            }
        }
        out.append(String.join(",", header)).append("\r\n");
        for (int r = 0; r < table.rows(); r++) {
            var cells = new ArrayList<String>();
            for (var t : columns) {
                int width = t.size() / t.rows();
                for (int i = 0; i < width; i++) {
                    cells.add(
                            switch (t.datatype()) {
                                case INT64 -> Long.toString(t.longs()[r * width + i]);
                                case FP32 -> Float.toString(t.floats()[r * width + i]);
                                case BYTES -> '"' + t.strings()[r * width + i].replace("\"", "\"\"") + '"';
                            });
                }
            }
            out.append(String.join(",", cells)).append("\r\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
