package org.citymaas.portal.inference.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.citymaas.portal.inference.entity.InferenceOutcome;
import org.citymaas.portal.inference.entity.TensorRequest;
import org.citymaas.runtime.FieldViolation;
import org.citymaas.runtime.InvalidInputException;
import org.citymaas.runtime.catalog.entity.FieldSpec;
import org.citymaas.runtime.catalog.entity.ModelCard;
import org.citymaas.runtime.inference.entity.DataType;
import org.citymaas.runtime.inference.entity.Tensor;
import org.citymaas.security.input.boundary.HostileCharacters;
import org.citymaas.security.input.entity.HostileCharacter;

/**
 * The Open Inference Protocol (v2) wire format, used by the API's resource only: reads v2 requests
 * into typed {@link TensorRequest}s and writes outcomes, metadata and tensors back as v2 JSON.
 * Malformed requests throw {@link InvalidInputException}, each violation naming the field (the
 * tensor's name, or the JSON member such as {@code inputs[1].shape} where no name is known).
 */
public final class V2Codec {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_ELEMENTS = 10_000_000;

    private V2Codec() {}

    public static TensorRequest read(String body) {
        JsonNode root;
        try {
            root = JSON.readTree(body == null ? "" : body);
        } catch (JsonProcessingException e) {
            throw invalid("body", "json", "the body is not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw invalid("body", "json", "the body must be a JSON object with 'inputs'");
        }
        var violations = new ArrayList<FieldViolation>();
        Optional<String> id = Optional.empty();
        var idNode = root.get("id");
        if (idNode != null && !idNode.isNull()) {
            if (!idNode.isTextual()) {
                violations.add(new FieldViolation("id", "datatype", "'id' must be a string"));
            } else {
                id = Optional.of(idNode.asText());
            }
        }
        var inputs = new ArrayList<Tensor>();
        var inputsNode = root.get("inputs");
        if (inputsNode == null || !inputsNode.isArray() || inputsNode.isEmpty()) {
            violations.add(new FieldViolation("inputs", "required", "'inputs' must be a non-empty array of tensors"));
        } else {
            for (int i = 0; i < inputsNode.size(); i++) {
                readTensor(inputsNode.get(i), "inputs[" + i + "]", violations).ifPresent(inputs::add);
            }
        }
        var outputs = new ArrayList<String>();
        var outputsNode = root.get("outputs");
        if (outputsNode != null && !outputsNode.isNull()) {
            if (!outputsNode.isArray()) {
                violations.add(new FieldViolation("outputs", "datatype", "'outputs' must be an array"));
            } else {
                for (int i = 0; i < outputsNode.size(); i++) {
                    var name = outputsNode.get(i).get("name");
                    if (name == null || !name.isTextual()) {
                        violations.add(new FieldViolation(
                                "outputs[" + i + "].name", "required", "each requested output needs a 'name'"));
                    } else if (!HostileCharacters.clean(name.asText())) {
                        violations.add(new FieldViolation(
                                "outputs[" + i + "].name",
                                HostileCharacters.find(name.asText())
                                        .orElseThrow()
                                        .rule()
                                        .rule(),
                                "the name "
                                        + HostileCharacters.find(name.asText())
                                                .orElseThrow()
                                                .message()));
                    } else {
                        outputs.add(name.asText());
                    }
                }
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return new TensorRequest(id, inputs, outputs);
    }

    private static Optional<Tensor> readTensor(JsonNode node, String path, List<FieldViolation> violations) {
        if (node == null || !node.isObject()) {
            violations.add(new FieldViolation(path, "datatype", path + " must be a tensor object"));
            return Optional.empty();
        }
        var nameNode = node.get("name");
        if (nameNode == null || !nameNode.isTextual() || nameNode.asText().isBlank()) {
            violations.add(new FieldViolation(path + ".name", "required", "each input needs a 'name'"));
            return Optional.empty();
        }
        var name = nameNode.asText();
        var hostileName = HostileCharacters.find(name);
        if (hostileName.isPresent()) {
            violations.add(new FieldViolation(
                    path + ".name",
                    hostileName.get().rule().rule(),
                    "the name " + hostileName.get().message()));
            return Optional.empty();
        }
        DataType datatype;
        try {
            datatype = DataType.valueOf(text(node, "datatype"));
        } catch (IllegalArgumentException | NullPointerException e) {
            violations.add(new FieldViolation(name, "datatype", "'datatype' must be one of FP32, INT64, BYTES"));
            return Optional.empty();
        }
        var shapeNode = node.get("shape");
        if (shapeNode == null || !shapeNode.isArray() || shapeNode.isEmpty()) {
            violations.add(new FieldViolation(name, "shape", "'shape' must be a non-empty array of sizes"));
            return Optional.empty();
        }
        var shape = new long[shapeNode.size()];
        long elements = 1;
        for (int d = 0; d < shape.length; d++) {
            var size = shapeNode.get(d);
            if (!size.canConvertToLong() || !size.isIntegralNumber() || size.asLong() < 0) {
                violations.add(new FieldViolation(name, "shape", "'shape' must hold non-negative integers"));
                return Optional.empty();
            }
            shape[d] = size.asLong();
            if (shape[d] > MAX_ELEMENTS || elements * shape[d] > MAX_ELEMENTS) {
                violations.add(new FieldViolation(name, "shape", "at most " + MAX_ELEMENTS + " elements"));
                return Optional.empty();
            }
            elements *= shape[d];
        }
        var flat = new ArrayList<JsonNode>();
        var dataNode = node.get("data");
        if (dataNode == null || !dataNode.isArray()) {
            violations.add(new FieldViolation(name, "required", "'data' must be an array"));
            return Optional.empty();
        }
        flatten(dataNode, flat);
        if (flat.size() != elements) {
            violations.add(new FieldViolation(
                    name,
                    "shape",
                    "'data' holds " + flat.size() + " elements but 'shape' " + java.util.Arrays.toString(shape)
                            + " needs " + elements));
            return Optional.empty();
        }
        try {
            return Optional.of(
                    switch (datatype) {
                        case FP32 -> Tensor.fp32(name, shape, floats(flat));
                        case INT64 -> Tensor.int64(name, shape, longs(flat));
                        case BYTES -> Tensor.bytes(name, shape, strings(flat));
                    });
        } catch (HostileTextException e) {
            violations.add(
                    new FieldViolation(name, e.found.rule().rule(), "element " + e.element + " " + e.found.message()));
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            violations.add(new FieldViolation(name, "datatype", "'data' of " + datatype + ": " + e.getMessage()));
            return Optional.empty();
        }
    }

    private static String text(JsonNode node, String member) {
        var value = node.get(member);
        return value == null || !value.isTextual() ? null : value.asText();
    }

    private static void flatten(JsonNode node, List<JsonNode> into) {
        for (var element : node) {
            if (element.isArray()) {
                flatten(element, into);
            } else {
                into.add(element);
            }
        }
    }

    private static float[] floats(List<JsonNode> values) {
        var out = new float[values.size()];
        for (int i = 0; i < out.length; i++) {
            var v = values.get(i);
            if (!v.isNumber()) {
                throw new IllegalArgumentException("element " + i + " is not a number");
            }
            out[i] = v.floatValue();
        }
        return out;
    }

    private static long[] longs(List<JsonNode> values) {
        var out = new long[values.size()];
        for (int i = 0; i < out.length; i++) {
            var v = values.get(i);
            if (!v.isIntegralNumber() || !v.canConvertToLong()) {
                throw new IllegalArgumentException("element " + i + " is not an integer");
            }
            out[i] = v.longValue();
        }
        return out;
    }

    private static String[] strings(List<JsonNode> values) {
        var out = new String[values.size()];
        for (int i = 0; i < out.length; i++) {
            var v = values.get(i);
            if (!v.isTextual()) {
                throw new IllegalArgumentException("element " + i + " is not a string");
            }
            out[i] = v.asText();
            var hostile = HostileCharacters.find(out[i]);
            if (hostile.isPresent()) {
                throw new HostileTextException(i, hostile.get());
            }
        }
        return out;
    }

    /** A text element that holds a character no text may hold: refused with the rule's name. */
    private static final class HostileTextException extends IllegalArgumentException {
        private final int element;
        private final transient HostileCharacter found;

        HostileTextException(int element, HostileCharacter found) {
            super(found.message());
            this.element = element;
            this.found = found;
        }
    }

    /**
     * The v2 response: model, version, id and the outcome's outputs; a probability output carries its
     * class names as {@code parameters.labels}.
     */
    public static String response(InferenceOutcome outcome) {
        return answer(outcome).toString();
    }

    /** The v2 response as a JSON tree, for answers that add members ({@link ExplanationCodec}). */
    static ObjectNode answer(InferenceOutcome outcome) {
        var root = JSON.createObjectNode();
        root.put("model_name", outcome.model().name());
        root.put("model_version", outcome.model().version());
        root.put("id", outcome.requestId());
        var outputs = root.putArray("outputs");
        for (var tensor : outcome.outputs()) {
            write(outputs.addObject(), tensor, outcome.labels(tensor.name()));
        }
        return root;
    }

    static void write(ObjectNode node, Tensor tensor, List<String> labels) {
        node.put("name", tensor.name());
        node.put("datatype", tensor.datatype().name());
        var shape = node.putArray("shape");
        for (var d : tensor.shape()) {
            shape.add(d);
        }
        var data = node.putArray("data");
        switch (tensor.datatype()) {
            case FP32 -> {
                for (var f : tensor.floats()) {
                    data.add(f);
                }
            }
            case INT64 -> {
                for (var l : tensor.longs()) {
                    data.add(l);
                }
            }
            case BYTES -> {
                for (var s : tensor.strings()) {
                    data.add(s);
                }
            }
        }
        if (labels != null && !labels.isEmpty()) {
            var parameters = node.putObject("parameters");
            var names = parameters.putArray("labels");
            labels.forEach(names::add);
        }
    }

    /** Model metadata: name, versions, platform and the signature of the version. */
    public static String metadata(ModelCard card, List<String> versions) {
        var root = JSON.createObjectNode();
        root.put("name", card.name());
        var list = root.putArray("versions");
        versions.forEach(list::add);
        root.put("platform", "tensorflow_savedmodel");
        signature(root.putArray("inputs"), card.inputs());
        signature(root.putArray("outputs"), card.outputs());
        return root.toString();
    }

    private static void signature(ArrayNode into, List<FieldSpec> fields) {
        for (var field : fields) {
            var node = into.addObject();
            node.put("name", field.name());
            node.put("datatype", field.datatype().name());
            var shape = node.putArray("shape");
            field.shape().forEach(shape::add);
        }
    }

    /** Any JSON value, for small answers (server metadata, readiness). */
    public static String json(Map<String, ?> value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static InvalidInputException invalid(String field, String rule, String message) {
        return new InvalidInputException(List.of(new FieldViolation(field, rule, message)));
    }
}
