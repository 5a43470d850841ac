package org.citymaas.security.masking.corpus;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
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
        return jsonl("/masking/edge-cases.jsonl", "edge:");
    }

    /**
     * A labelled JSON Lines resource: {@code {"text": "...", "pii": [{"type": "...", "value":
     * "..."}]}} a line, every occurrence of a value labelled. An occurrence inside a longer labelled
     * value (张伟 inside 张伟华) is that value's, not a label of its own.
     *
     * @throws IllegalStateException for a missing resource or a value the text does not hold
     */
    static List<LabelledCase> jsonl(String resource, String source) {
        var stream = Corpus.class.getResourceAsStream(resource);
        if (stream == null) {
            throw new IllegalStateException("labelled resource not on the class path: " + resource);
        }
        var mapper = new ObjectMapper();
        var cases = new ArrayList<LabelledCase>();
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
                        throw new IllegalStateException(resource + " line " + number + ": value not in text: " + value);
                    }
                    for (; at >= 0; at = text.indexOf(value, at + value.length())) {
                        labels.add(new Finding(type, at, at + value.length()));
                    }
                }
                labels.removeIf(l -> labels.stream().anyMatch(o -> o != l && contains(o, l)));
                cases.add(new LabelledCase(source + number, text, List.copyOf(new LinkedHashSet<>(labels))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return cases;
    }

    private static boolean contains(Finding outer, Finding inner) {
        return outer.start() <= inner.start()
                && inner.end() <= outer.end()
                && outer.end() - outer.start() > inner.end() - inner.start();
    }
}
