package org.citymaas.billing.errors;

/** A statement with usage is issued only when a signed audit checkpoint covers the last request of each line: sign a checkpoint, then issue again. */
public class CheckpointMissingException extends BillingException {

    public CheckpointMissingException(String message) {
        super(message);
    }
}
