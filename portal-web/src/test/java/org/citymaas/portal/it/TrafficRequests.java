package org.citymaas.portal.it;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** v2 request bodies for the demo traffic-flow-forecast model, with as many rows as a test needs. */
final class TrafficRequests {

    private TrafficRequests() {}

    /** A valid request of {@code rows} rows at the given hour of day (0-23; anything else is refused). */
    static String body(int rows, long hour) {
        var counts = new ArrayList<Float>();
        for (int row = 0; row < rows; row++) {
            for (int i = 0; i < 24; i++) {
                counts.add(800f + i);
            }
        }
        return Http.json(Map.of(
                "inputs",
                List.of(
                        tensor("recent_counts", "FP32", List.of(rows, 24), counts),
                        tensor("hour_of_day", "INT64", List.of(rows, 1), Collections.nCopies(rows, hour)),
                        tensor("day_of_week", "INT64", List.of(rows, 1), Collections.nCopies(rows, 2)),
                        tensor("is_holiday", "INT64", List.of(rows, 1), Collections.nCopies(rows, 0)),
                        tensor("precipitation_mm", "FP32", List.of(rows, 1), Collections.nCopies(rows, 0.5)))));
    }

    private static Map<String, Object> tensor(String name, String datatype, List<Integer> shape, List<?> data) {
        return Map.of("name", name, "datatype", datatype, "shape", shape, "data", data);
    }
}
