package org.citymaas.portal.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.citymaas.billing.usage.entity.MonthlyUsage;

/**
 * The usage page's chart as a Chart.js configuration (what PrimeFaces' {@code p:chart} takes): one
 * bar per day of the month, stacked by model, counting charged requests.
 */
final class UsageChart {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> COLOURS =
            List.of("#3b82f6", "#f59e0b", "#10b981", "#ef4444", "#8b5cf6", "#14b8a6", "#ec4899", "#64748b");

    private UsageChart() {}

    static String config(MonthlyUsage usage, String title, String requestsLabel) {
        var month = usage.month();
        var labels = IntStream.rangeClosed(1, month.lengthOfMonth())
                .mapToObj(day -> String.format("%02d-%02d", month.getMonthValue(), day))
                .toList();
        var datasets = new ArrayList<Map<String, Object>>();
        var models = usage.models();
        for (int i = 0; i < models.size(); i++) {
            var model = models.get(i);
            var perDay = new long[month.lengthOfMonth()];
            usage.days().stream()
                    .filter(d -> d.model().equals(model))
                    .forEach(d -> perDay[d.day().getDayOfMonth() - 1] += d.requests());
            datasets.add(Map.of(
                    "label",
                    model,
                    "data",
                    perDay,
                    "backgroundColor",
                    COLOURS.get(i % COLOURS.size()),
                    "stack",
                    "requests"));
        }
        var axisY = new LinkedHashMap<String, Object>();
        axisY.put("stacked", true);
        axisY.put("beginAtZero", true);
        axisY.put("ticks", Map.of("precision", 0));
        axisY.put("title", Map.of("display", true, "text", requestsLabel));
        var config = Map.of(
                "type",
                "bar",
                "data",
                Map.of("labels", labels, "datasets", datasets),
                "options",
                Map.of(
                        "responsive",
                        true,
                        "maintainAspectRatio",
                        false,
                        "animation",
                        false,
                        "plugins",
                        Map.of("title", Map.of("display", true, "text", title)),
                        "scales",
                        Map.of("x", Map.of("stacked", true), "y", axisY)));
        try {
            return JSON.writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the chart's configuration is plain data", e);
        }
    }
}
