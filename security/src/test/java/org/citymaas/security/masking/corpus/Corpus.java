package org.citymaas.security.masking.corpus;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.citymaas.security.masking.entity.Finding;
import org.citymaas.security.masking.entity.PiiType;

/**
 * The project's labelled corpus: the seeded generated cases plus the hand-written edge cases of
 * {@code masking/edge-cases.jsonl}, where each line is {@code {"text": "...", "pii": [{"type":
 * "CN_MOBILE", "value": "..."}]}} and every occurrence of a value in the text is labelled.
 */
public final class Corpus {

    public static final long SEED = 20261125L;
    public static final int GENERATED_PER_TYPE = 200;

    private Corpus() {}

    public static List<LabelledCase> all() {
        var cases = new ArrayList<>(new CorpusGenerator(SEED).generate(GENERATED_PER_TYPE));
        cases.addAll(edgeCases());
        return cases;
    }

    public static List<String> texts() {
        return all().stream().map(LabelledCase::text).toList();
    }

    static List<LabelledCase> edgeCases() {
        var mapper = new ObjectMapper();
        var cases = new ArrayList<LabelledCase>();
        var stream = Objects.requireNonNull(Corpus.class.getResourceAsStream("/masking/edge-cases.jsonl"));
        try (var in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                var node = mapper.readTree(line);
                var text = node.get("text").asText();
                var labels = new ArrayList<Finding>();
                for (var pii : node.path("pii")) {
                    var value = pii.get("value").asText();
                    var type = PiiType.valueOf(pii.get("type").asText());
                    int at = text.indexOf(value);
                    if (at < 0) {
                        throw new IllegalStateException("edge case line " + number + ": value not in text: " + value);
                    }
                    for (; at >= 0; at = text.indexOf(value, at + value.length())) {
                        labels.add(new Finding(type, at, at + value.length()));
                    }
                }
                cases.add(new LabelledCase("edge:" + number, text, List.copyOf(labels)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return cases;
    }
}
