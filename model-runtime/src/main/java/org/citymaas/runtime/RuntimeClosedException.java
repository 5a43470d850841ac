package org.citymaas.runtime;

/** The runtime is shutting down or closed: the request was refused or its queued work abandoned. */
public class RuntimeClosedException extends ModelRuntimeException {

    public RuntimeClosedException(String message) {
        super(message);
    }
}
