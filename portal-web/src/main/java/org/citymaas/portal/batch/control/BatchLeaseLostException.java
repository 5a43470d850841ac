package org.citymaas.portal.batch.control;

import java.util.UUID;

/**
 * This instance no longer holds the lease of the job it was running (it expired and another instance
 * took the job over, or it was let go): what it was about to keep is rolled back and it stops running the
 * job, leaving it as it is; the holder runs the lines.
 */
public class BatchLeaseLostException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BatchLeaseLostException(UUID job) {
        super("this instance no longer holds the lease of batch " + job);
    }
}
