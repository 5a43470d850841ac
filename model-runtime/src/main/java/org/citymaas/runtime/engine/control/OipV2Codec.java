package org.citymaas.runtime.engine.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.citymaas.runtime.inference.entity.DataType;
import org.citymaas.runtime.inference.entity.Tensor;

/**
 * The Open Inference Protocol v2's REST body (KServe's "V2 inference protocol"): a batch of named tensors out, the
 * engine's output tensors back. Data is sent flat, row-major, as the protocol's JSON form has it; what comes back is
 * read flat or nested, and a wider numeric type than the card's (FP64, INT32) is narrowed to the card's FP32 or INT64.
 */
final class OipV2Codec {

    private static final ObjectMapper JSON = new ObjectMapper();

    private OipV2Codec() {}

    static byte[] request(String id, List<Tensor> inputs) {
        var body = JSON.createObjectNode();
        body.put("id", id);
        var array = body.putArray("inputs");
        for (var tensor : inputs) {
            var node = array.addObject();
            node.put("name", tensor.name());
            var shape = node.putArray("shape");
            for (long d : tensor.shape()) {
                shape.add(d);
            }
            node.put("datatype", tensor.datatype().name());
            var data = node.putArray("data");
            switch (tensor.datatype()) {
                case FP32 -> {
                    for (float f : tensor.floats()) {
                        data.add(f);
                    }
                }
                case INT64 -> {
                    for (long l : tensor.longs()) {
                        data.add(l);
                    }
                }
                case BYTES -> {
                    for (var s : tensor.strings()) {
                        data.add(s);
                    }
                }
            }
        }
        try {
            return JSON.writeValueAsBytes(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("could not write an inference request", e);
        }
    }

    /**
     * The output tensors of an engine's answer.
     *
     * @throws IllegalArgumentException the answer is not an OIP v2 inference response
     */
    static List<Tensor> outputs(byte[] answer) {
        JsonNode root;
        try {
            root = JSON.readTree(answer);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("the answer is not JSON", e);
        }
        var outputs = root == null ? null : root.get("outputs");
        if (!(outputs instanceof ArrayNode array)) {
            throw new IllegalArgumentException("the answer has no outputs");
        }
        var tensors = new ArrayList<Tensor>();
        for (var output : array) {
            tensors.add(tensor((ObjectNode) output));
        }
        return tensors;
    }

    private static Tensor tensor(ObjectNode node) {
        var name = node.path("name").asText(null);
        var shapeNode = node.get("shape");
        var type = node.path("datatype").asText("");
        if (name == null || !(shapeNode instanceof ArrayNode)) {
            throw new IllegalArgumentException("an output without a name or a shape");
        }
        var shape = new long[shapeNode.size()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = shapeNode.get(i).asLong();
        }
        var flat = new ArrayList<JsonNode>();
        flatten(node.get("data"), flat);
        return switch (type) {
            case "FP32", "FP64", "FP16" -> {
                var data = new float[flat.size()];
                for (int i = 0; i < data.length; i++) {
                    data[i] = (float) flat.get(i).asDouble();
                }
                yield new Tensor(name, DataType.FP32, shape, data);
            }
            case "INT64", "INT32", "INT16", "INT8", "UINT8" -> {
                var data = new long[flat.size()];
                for (int i = 0; i < data.length; i++) {
                    data[i] = flat.get(i).asLong();
                }
                yield new Tensor(name, DataType.INT64, shape, data);
            }
            case "BYTES" -> {
                var data = new String[flat.size()];
                for (int i = 0; i < data.length; i++) {
                    data[i] = flat.get(i).asText();
                }
                yield new Tensor(name, DataType.BYTES, shape, data);
            }
            default -> throw new IllegalArgumentException("output " + name + " has datatype " + type);
        };
    }

    private static void flatten(JsonNode data, List<JsonNode> into) {
        if (data == null || data.isNull()) {
            throw new IllegalArgumentException("an output without data");
        }
        if (data.isArray()) {
            for (var element : data) {
                flatten(element, into);
            }
        } else {
            into.add(data);
        }
    }
}
