package org.citymaas.runtime.repository.control;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Model cards for uploads: the shipped traffic-flow-forecast card as another version, with sample inputs. */
public final class Cards {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Cards() {}

    public static ObjectNode trafficCard(String version) {
        try {
            var card = (ObjectNode)
                    JSON.readTree(Path.of("src/main/resources/catalog/traffic-flow-forecast/1/model-card.json")
                            .toFile());
            card.put("version", version);
            var samples = card.putArray("sample_inputs");
            var counts = samples.addObject().put("name", "recent_counts").put("datatype", "FP32");
            counts.putArray("shape").add(1).add(24);
            var data = counts.putArray("data");
            for (int i = 0; i < 24; i++) {
                data.add(300 + 10 * i);
            }
            for (var field : new String[] {"hour_of_day", "day_of_week", "is_holiday"}) {
                var t = samples.addObject().put("name", field).put("datatype", "INT64");
                t.putArray("shape").add(1).add(1);
                t.putArray("data").add(1);
            }
            var rain = samples.addObject().put("name", "precipitation_mm").put("datatype", "FP32");
            rain.putArray("shape").add(1).add(1);
            rain.putArray("data").add(0.0);
            return card;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] bytes(ObjectNode card) {
        try {
            return JSON.writeValueAsBytes(card);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
