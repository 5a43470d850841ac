package org.citymaas.runtime;

/** The request's deadline passed before a worker could run it; it was not run. */
public class DeadlineExceededException extends ModelRuntimeException {

    public DeadlineExceededException(String message) {
        super(message);
    }
}
