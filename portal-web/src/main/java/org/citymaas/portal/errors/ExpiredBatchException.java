package org.citymaas.portal.errors;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A batch job whose lines retention deleted: its results are gone for good (410), its counts are kept. */
public class ExpiredBatchException extends PortalException {

    public ExpiredBatchException(UUID job, Instant purgedAt, String retention) {
        super(
                410,
                "Batch results deleted",
                "The results of batch " + job + " were deleted on " + purgedAt + ": batch data is kept for " + retention
                        + " (ISO-8601) after a job finishes. The job's counts are still shown; submit the file"
                        + " again to score it again.",
                Map.of("purgedAt", purgedAt.toString(), "retention", retention));
    }
}
