package org.citymaas.runtime;

/** Root of every failure the model runtime reports. */
public class ModelRuntimeException extends RuntimeException {

    public ModelRuntimeException(String message) {
        super(message);
    }

    public ModelRuntimeException(String message, Throwable cause) {
        super(message, cause);
    }
}
