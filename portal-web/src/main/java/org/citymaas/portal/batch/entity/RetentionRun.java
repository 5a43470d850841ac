package org.citymaas.portal.batch.entity;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What one run of the batch retention deleted: the lines of the jobs that finished before the
 * cutoff, counted per department. Counts only, never a file name or a line's content.
 *
 * @param retention the retention period, ISO-8601 ({@code P30D})
 * @param cutoff jobs that finished before this instant were purged
 * @param jobs jobs purged in this run
 * @param lines lines deleted in this run
 * @param jobsByDepartment jobs purged per department slug, in slug order
 */
public record RetentionRun(
        String retention, Instant cutoff, int jobs, long lines, Map<String, Integer> jobsByDepartment) {

    public RetentionRun {
        jobsByDepartment = Collections.unmodifiableMap(new TreeMap<>(jobsByDepartment));
    }

    /**
     * The audit event's summary, one {@code key=value} per fact: {@code jobs=3 lines=1204 older-than=P30D
     * cutoff=2026-11-06T02:00:00Z departments=hotline:2,transport:1} (no {@code departments} when none).
     */
    public String summary() {
        var summary = "jobs=" + jobs + " lines=" + lines + " older-than=" + retention + " cutoff=" + cutoff;
        if (jobsByDepartment.isEmpty()) {
            return summary;
        }
        return summary + " departments="
                + jobsByDepartment.entrySet().stream()
                        .map(e -> e.getKey() + ":" + e.getValue())
                        .collect(Collectors.joining(","));
    }
}
