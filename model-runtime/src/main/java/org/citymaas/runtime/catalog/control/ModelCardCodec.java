package org.citymaas.runtime.catalog.control;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.citymaas.runtime.catalog.entity.ExplanationSpec;
import org.citymaas.runtime.catalog.entity.FairnessReport;
import org.citymaas.runtime.catalog.entity.ModelCard;

/** Model cards as JSON files with snake_case keys. */
public final class ModelCardCodec {

    public static final String CARD_FILE = "model-card.json";
    public static final String MODEL_FILE = "model.json";
    public static final String SAVED_MODEL_DIR = "saved_model";

    /** How the {@code explanation} section, the last key, starts in a card file. */
    private static final String EXPLANATION_KEY = ",\n  \"explanation\" : ";

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private ModelCardCodec() {}

    public static ModelCard read(Path file) {
        try {
            return MAPPER.readValue(file.toFile(), ModelCard.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read model card " + file, e);
        }
    }

    /** A card from its JSON bytes. */
    public static ModelCard parse(byte[] json) throws IOException {
        return MAPPER.readValue(json, ModelCard.class);
    }

    /** A fairness report as a card writes its {@code fairness} section (snake_case JSON), e.g. to store one. */
    public static String fairnessJson(FairnessReport report) {
        try {
            return MAPPER.writeValueAsString(report);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a fairness report", e);
        }
    }

    /** A fairness report from {@link #fairnessJson}. */
    public static FairnessReport parseFairness(String json) {
        try {
            return MAPPER.readValue(json, FairnessReport.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read a fairness report", e);
        }
    }

    public static void write(ModelCard card, Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, MAPPER.writeValueAsString(card) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write model card " + file, e);
        }
    }

    /**
     * Sets a card file's {@code explanation} section and leaves every other byte of the file as it is (the
     * shipped cards' hand-laid translations included): the section is the file's last key, replaced if there.
     */
    public static void writeExplanation(Path file, ExplanationSpec spec) {
        try {
            String text = Files.readString(file).stripTrailing();
            int at = text.indexOf(EXPLANATION_KEY);
            String head = at >= 0
                    ? text.substring(0, at)
                    : text.substring(0, text.lastIndexOf('}')).stripTrailing();
            // the section indented one level, as a top-level key of the card
            String section = MAPPER.writeValueAsString(spec).replace("\n", "\n  ");
            String result = head + EXPLANATION_KEY + section + "\n}\n";
            var back = parse(result.getBytes(StandardCharsets.UTF_8)).explanation();
            if (back == null || !back.method().equals(spec.method())) {
                throw new IllegalStateException("the explanation section of " + file + " did not read back");
            }
            Files.writeString(file, result);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write model card " + file, e);
        }
    }

    /** The model folder's {@code model.json}: which version is the default. */
    public static String readDefaultVersion(Path modelDir) {
        Path file = modelDir.resolve(MODEL_FILE);
        if (!Files.exists(file)) {
            return null;
        }
        try {
            Object version = MAPPER.readValue(file.toFile(), Map.class).get("default_version");
            return version == null ? null : version.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    public static void writeDefaultVersion(Path modelDir, String version) {
        try {
            Files.createDirectories(modelDir);
            Files.writeString(
                    modelDir.resolve(MODEL_FILE), MAPPER.writeValueAsString(Map.of("default_version", version)) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + modelDir, e);
        }
    }
}
