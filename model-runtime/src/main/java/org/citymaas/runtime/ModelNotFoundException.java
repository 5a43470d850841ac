package org.citymaas.runtime;

/** No such model, or no such version of it, in the catalog. */
public class ModelNotFoundException extends ModelRuntimeException {

    public ModelNotFoundException(String message) {
        super(message);
    }
}
