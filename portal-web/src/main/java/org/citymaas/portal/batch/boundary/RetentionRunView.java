package org.citymaas.portal.batch.boundary;

import java.time.Instant;
import java.util.Map;
import org.citymaas.portal.batch.entity.RetentionRun;

/**
 * A retention run on the wire.
 *
 * @param olderThan the retention period, ISO-8601
 * @param cutoff finished jobs that finished before this instant were purged
 * @param jobs jobs purged now (those purged earlier are not counted again)
 * @param lines lines deleted now
 * @param departments jobs purged now per department slug
 */
public record RetentionRunView(
        String olderThan, Instant cutoff, int jobs, long lines, Map<String, Integer> departments) {

    static RetentionRunView of(RetentionRun run) {
        return new RetentionRunView(run.retention(), run.cutoff(), run.jobs(), run.lines(), run.jobsByDepartment());
    }
}
