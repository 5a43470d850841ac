package org.citymaas.runtime.repository.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.citymaas.runtime.InvalidModelUploadException;
import org.citymaas.runtime.catalog.control.ModelCardCodec;
import org.citymaas.runtime.catalog.entity.FieldSpec;
import org.citymaas.runtime.catalog.entity.Metric;
import org.citymaas.runtime.catalog.entity.ModelCard;
import org.citymaas.runtime.explain.control.Explainability;
import org.citymaas.runtime.inference.entity.DataType;
import org.citymaas.runtime.inference.entity.Tensor;

/**
 * The card schema of an uploaded version: the fields every card must have, a name and version that are
 * safe folder names, and {@code sample_inputs} (Open Inference Protocol v2 tensors: name, datatype, shape,
 * data) that the model must run before it is staged. The required text fields are the English text;
 * {@code translations} (e.g. {@code zh}) is optional, and where present it may only describe the card's own
 * inputs, outputs and metrics, with as many limitations as the English list. {@code explanation} is optional too;
 * where present, the runtime must be able to explain the model with it ({@code card-bad-explanation}).
 */
public final class CardCheck {

    /** The fields an uploaded card must carry (snake_case, as in the JSON). */
    public static final List<String> REQUIRED = List.of(
            "name",
            "version",
            "department",
            "task",
            "title",
            "intended_use",
            "limitations",
            "inputs",
            "outputs",
            "metrics",
            "training_data",
            "risk_level",
            "sample_inputs");

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");
    private static final Pattern VERSION = Pattern.compile("[0-9]{1,6}(\\.[0-9]{1,6}){0,2}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private CardCheck() {}

    /** A checked card and its sample inputs. */
    public record CheckedCard(ModelCard card, List<Tensor> samples) {}

    public static CheckedCard check(byte[] json, String model) {
        JsonNode tree;
        try {
            tree = JSON.readTree(json);
        } catch (IOException e) {
            throw invalid("card-not-json", "the model card is not JSON");
        }
        if (tree == null || !tree.isObject()) {
            throw invalid("card-not-json", "the model card is not a JSON object");
        }
        var missing = new ArrayList<String>();
        for (String field : REQUIRED) {
            JsonNode value = tree.get(field);
            if (value == null
                    || value.isNull()
                    || (value.isTextual() && value.asText().isBlank())
                    || ((field.equals("inputs") || field.equals("outputs") || field.equals("sample_inputs"))
                            && (!value.isArray() || value.isEmpty()))) {
                missing.add(field);
            }
        }
        if (!missing.isEmpty()) {
            throw invalid("card-missing-fields", "the model card lacks the required fields " + missing);
        }
        String name = tree.get("name").asText();
        String version = tree.get("version").asText();
        if (!name.equals(model)) {
            throw invalid("card-name-mismatch", "the model card is for '" + printable(name) + "', not '" + model + "'");
        }
        if (!VERSION.matcher(version).matches()) {
            throw invalid("card-bad-version", "a version is 1 to 3 numbers separated by dots, e.g. 2 or 2.1");
        }
        ModelCard card;
        try {
            card = ModelCardCodec.parse(json);
        } catch (IOException e) {
            throw invalid("card-invalid", "the model card does not follow the card schema: " + firstLine(e));
        }
        if (card.riskLevel() == null || card.trainingData() == null) {
            throw invalid("card-missing-fields", "the model card lacks risk_level or training_data");
        }
        translations(card);
        if (card.explanation() != null) {
            // optional; where present the runtime must be able to explain with it
            String refusal = Explainability.refusal(card);
            if (refusal != null) {
                throw invalid("card-bad-explanation", refusal);
            }
        }
        return new CheckedCard(card, samples(tree.get("sample_inputs")));
    }

    private static void translations(ModelCard card) {
        var inputs = card.inputs().stream().map(FieldSpec::name).collect(Collectors.toSet());
        var outputs = card.outputs().stream().map(FieldSpec::name).collect(Collectors.toSet());
        var metrics = card.metrics().stream().map(Metric::name).collect(Collectors.toSet());
        card.translations().forEach((language, text) -> {
            if (!LANGUAGE.matcher(language).matches() || language.equals(ModelCard.ENGLISH)) {
                throw invalid(
                        "card-bad-translation",
                        "translations are keyed by a language other than English, e.g. zh, not '" + printable(language)
                                + "'");
            }
            var where = "translations." + language;
            unknown(where + ".inputs", text.inputs().keySet(), inputs);
            unknown(where + ".outputs", text.outputs().keySet(), outputs);
            unknown(where + ".baselines", text.baselines().keySet(), metrics);
            if (!text.limitations().isEmpty()
                    && text.limitations().size() != card.limitations().size()) {
                throw invalid(
                        "card-bad-translation",
                        where + ".limitations has " + text.limitations().size() + " entries, the English "
                                + card.limitations().size());
            }
        });
    }

    private static void unknown(String where, Set<String> named, Set<String> known) {
        var extra = new TreeSet<>(named);
        extra.removeAll(known);
        if (!extra.isEmpty()) {
            throw invalid(
                    "card-bad-translation",
                    where + " names fields the card does not have: " + printable(extra.toString()));
        }
    }

    /** Whether a model name is a safe folder name. */
    public static boolean validName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    private static List<Tensor> samples(JsonNode node) {
        var tensors = new ArrayList<Tensor>();
        for (JsonNode t : node) {
            try {
                String name = t.get("name").asText();
                DataType type = DataType.valueOf(t.get("datatype").asText());
                var shapeNode = t.get("shape");
                long[] shape = new long[shapeNode.size()];
                for (int i = 0; i < shape.length; i++) {
                    shape[i] = shapeNode.get(i).asLong();
                }
                JsonNode data = t.get("data");
                Object values = switch (type) {
                    case FP32 -> {
                        var f = new float[data.size()];
                        for (int i = 0; i < f.length; i++) {
                            f[i] = (float) data.get(i).asDouble();
                        }
                        yield f;
                    }
                    case INT64 -> {
                        var l = new long[data.size()];
                        for (int i = 0; i < l.length; i++) {
                            l[i] = data.get(i).asLong();
                        }
                        yield l;
                    }
                    case BYTES -> {
                        var s = new String[data.size()];
                        for (int i = 0; i < s.length; i++) {
                            s[i] = data.get(i).asText();
                        }
                        yield s;
                    }
                };
                tensors.add(new Tensor(name, type, shape, values));
            } catch (RuntimeException e) {
                throw invalid(
                        "card-bad-samples",
                        "each of the card's sample_inputs is a tensor with name, datatype (FP32, INT64, BYTES), shape"
                                + " and data");
            }
        }
        return List.copyOf(tensors);
    }

    private static String firstLine(Exception e) {
        var m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return printable(nl < 0 ? m : m.substring(0, nl));
    }

    private static String printable(String s) {
        return SafeUnzip.printable(s);
    }

    private static InvalidModelUploadException invalid(String reason, String message) {
        return new InvalidModelUploadException(reason, message);
    }
}
