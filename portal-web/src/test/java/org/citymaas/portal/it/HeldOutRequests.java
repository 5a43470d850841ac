package org.citymaas.portal.it;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.citymaas.runtime.training.control.CatalogRecipes;
import org.citymaas.runtime.training.control.Table;

/**
 * v2 request bodies made of a catalog model's held-out rows, from the trainer's own generator and seed
 * (the rows the model card's metrics were measured on): the first {@code rows} rows, every named input.
 */
final class HeldOutRequests {

    private static final Map<String, Table> HELD_OUT = new ConcurrentHashMap<>();

    private HeldOutRequests() {}

    static String body(String model, List<String> inputs, int rows) {
        var table = HELD_OUT.computeIfAbsent(
                model, m -> CatalogRecipes.named(m).generate().heldOut());
        var tensors = new ArrayList<Map<String, Object>>();
        for (var name : inputs) {
            var column = table.column(name);
            int width = column.size() / column.rows();
            var data = new ArrayList<Object>();
            for (int i = 0; i < rows * width; i++) {
                data.add(
                        switch (column.datatype()) {
                            case FP32 -> column.floats()[i];
                            case INT64 -> column.longs()[i];
                            case BYTES -> column.strings()[i];
                        });
            }
            var tensor = new LinkedHashMap<String, Object>();
            tensor.put("name", name);
            tensor.put("datatype", column.datatype().name());
            // text inputs of the catalog are [-1], numbers [-1, width]
            tensor.put("shape", column.datatype().name().equals("BYTES") ? List.of(rows) : List.of(rows, width));
            tensor.put("data", data);
            tensors.add(tensor);
        }
        return Http.json(Map.of("inputs", tensors));
    }
}
