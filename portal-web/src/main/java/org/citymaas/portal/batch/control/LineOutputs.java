package org.citymaas.portal.batch.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.citymaas.portal.inference.entity.ReadableOutput;

/**
 * A line's outputs as {@code batch_row.output} keeps them: the {@code outputs} of a v2 answer
 * ({@code {"outputs": [{"name", "data", "parameters": {"labels"}}]}}), so that lines kept before and
 * after read alike. Numbers are kept as numbers, text as text.
 */
public final class LineOutputs {

    private static final ObjectMapper JSON = new ObjectMapper();

    private LineOutputs() {}

    public static String json(List<ReadableOutput> outputs) {
        var root = JSON.createObjectNode();
        var array = root.putArray("outputs");
        for (var output : outputs) {
            var node = array.addObject();
            node.put("name", output.name());
            var data = node.putArray("data");
            if (output.values().size() == output.texts().size()) {
                output.values().forEach(data::add);
            } else {
                output.texts().forEach(data::add);
            }
            if (!output.labels().isEmpty()) {
                var labels = node.putObject("parameters").putArray("labels");
                output.labels().forEach(labels::add);
            }
        }
        return root.toString();
    }

    /** The outputs kept, in their order. */
    public static List<ReadableOutput> read(String json) {
        try {
            var outputs = new ArrayList<ReadableOutput>();
            for (var output : JSON.readTree(json).path("outputs")) {
                var values = new ArrayList<Double>();
                var texts = new ArrayList<String>();
                output.path("data").forEach(v -> {
                    if (v.isNumber()) {
                        values.add(v.doubleValue());
                    }
                    texts.add(v.asText());
                });
                var labels = new ArrayList<String>();
                output.path("parameters").path("labels").forEach(l -> labels.add(l.asText()));
                outputs.add(new ReadableOutput(output.path("name").asText(), values, texts, labels));
            }
            return outputs;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a batch line's kept outputs are unreadable JSON", e);
        }
    }
}
