package org.citymaas.runtime;

/** The tenant's queue for a model is at capacity: the request was rejected at once, nothing ran. */
public class QueueFullException extends ModelRuntimeException {

    private final int capacity;

    public QueueFullException(String message, int capacity) {
        super(message);
        this.capacity = capacity;
    }

    public int capacity() {
        return capacity;
    }
}
