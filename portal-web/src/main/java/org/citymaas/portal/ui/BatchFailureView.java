package org.citymaas.portal.ui;

import java.io.Serializable;
import org.citymaas.portal.batch.entity.BatchLine;

/** A refused line of a batch file on the batch page: where, and why; a JavaBean for Faces' EL. */
public class BatchFailureView implements Serializable {

    private static final long serialVersionUID = 1L;

    private final int line;
    private final int status;
    private final String message;

    /** The line's refusal, with {@code message} already in the page's language. */
    public BatchFailureView(BatchLine line, String message) {
        this.line = line.line();
        this.status = line.outcome() == null || line.outcome().status() == null
                ? 0
                : line.outcome().status();
        this.message = message;
    }

    /** The line number in the uploaded file (the header is line 1). */
    public int getLine() {
        return line;
    }

    /** The status number of its outcome, as the batch API and the results file show it. */
    public int getStatus() {
        return status;
    }

    public String getMessage() {
        return message;
    }
}
