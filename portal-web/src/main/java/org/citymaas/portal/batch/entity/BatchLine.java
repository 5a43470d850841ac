package org.citymaas.portal.batch.entity;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One data line of a batch file and, once it ran, its answer or its refusal.
 *
 * @param line the line number in the file (the header is line 1)
 * @param cells the line's values by column name: as uploaded while the line waits to run, masked
 *     once it ran
 * @param output the v2 answer, or null
 * @param errorStatus the HTTP status of the refusal or failure, or null
 * @param errorMessage what was wrong, naming the field where one was at fault, or null
 * @param errors for an invalid line, each field at fault ({@code field}, {@code rule}, {@code message})
 */
public record BatchLine(
        int line,
        Map<String, String> cells,
        String output,
        Integer errorStatus,
        String errorMessage,
        List<Map<String, String>> errors) {

    public BatchLine {
        cells = Map.copyOf(cells);
        errors = errors == null ? List.of() : errors.stream().map(Map::copyOf).toList();
    }

    public static BatchLine pending(int line, Map<String, String> cells) {
        return new BatchLine(line, cells, null, null, null, List.of());
    }

    public boolean done() {
        return output != null || errorStatus != null;
    }

    public Optional<String> cell(String column) {
        return Optional.ofNullable(cells.get(column));
    }
}
