package org.citymaas.runtime.training.boundary;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.citymaas.runtime.inference.entity.Tensor;
import org.citymaas.runtime.training.control.CatalogRecipes;
import org.citymaas.runtime.training.control.GroupAttributes;
import org.citymaas.runtime.training.control.ModelRecipe;

/**
 * The held-out file a platform admin sends with an upload, written from the trainer's own generator and seed
 * (the rows the card's metrics and fairness table were measured on): every column of the held-out rows (a
 * column of width {@code w} as {@code name[0]} to {@code name[w-1]}), then one column per group attribute of
 * the recipe, {@code group:<attribute>} ({@link HeldOutMetrics#groupColumn}), from the same seeded stream as
 * the card's fairness table. CSV, UTF-8, CRLF line ends, numbers as Java writes a float or a long, labels
 * quoted.
 *
 * <p>{@code HeldOutFiles <dir> [recipe ...]} writes {@code <dir>/<model>.heldout.csv} for the named recipes (all
 * five when none is named; {@code traffic-flow-forecast@2:20261207} names a retrained variant).
 */
public final class HeldOutFiles {

    private HeldOutFiles() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: HeldOutFiles <dir> [recipe ...]");
            System.exit(2);
        }
        Path dir = Files.createDirectories(Path.of(args[0]));
        var recipes = args.length == 1
                ? CatalogRecipes.all()
                : Stream.of(args).skip(1).map(CatalogRecipes::named).toList();
        for (ModelRecipe recipe : recipes) {
            Path file = dir.resolve(recipe.name() + ".heldout.csv");
            Files.write(file, csv(recipe, Set.of()));
            System.out.println(file);
        }
    }

    /**
     * The recipe's held-out file with its group columns.
     *
     * @param without column names left out (a field's name, or {@code group:<attribute>}), to make a file
     *     lacking them
     */
    public static byte[] csv(ModelRecipe recipe, Set<String> without) {
        var split = recipe.generate();
        var columns = new ArrayList<Tensor>();
        var names = new ArrayList<String>();
        split.heldOut().columns().forEach((name, t) -> {
            columns.add(t);
            names.add(name);
        });
        for (String attribute : recipe.groupAttributes()) {
            columns.add(split.heldOutGroups().column(GroupAttributes.column(attribute)));
            names.add(HeldOutMetrics.groupColumn(attribute));
        }
        var kept = new ArrayList<Integer>();
        for (int i = 0; i < names.size(); i++) {
            if (!without.contains(names.get(i))) {
                kept.add(i);
            }
        }
        var header = new ArrayList<String>();
        for (int i : kept) {
            header.addAll(columnNames(names.get(i), width(columns.get(i))));
        }
        var out = new StringBuilder();
        out.append(String.join(",", header)).append("\r\n");
        int rows = split.heldOut().rows();
        for (int r = 0; r < rows; r++) {
            var cells = new ArrayList<String>();
            for (int i : kept) {
                Tensor t = columns.get(i);
                int width = width(t);
                for (int k = 0; k < width; k++) {
                    cells.add(
                            switch (t.datatype()) {
                                case INT64 -> Long.toString(t.longs()[r * width + k]);
                                case FP32 -> Float.toString(t.floats()[r * width + k]);
                                case BYTES -> '"' + t.strings()[r * width + k].replace("\"", "\"\"") + '"';
                            });
                }
            }
            out.append(String.join(",", cells)).append("\r\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static int width(Tensor t) {
        return t.rows() == 0 ? 1 : t.size() / t.rows();
    }

    private static List<String> columnNames(String name, int width) {
        if (width == 1) {
            return List.of(name);
        }
        var names = new ArrayList<String>();
        for (int i = 0; i < width; i++) {
            names.add(name + "[" + i + "]");
        }
        return names;
    }
}
