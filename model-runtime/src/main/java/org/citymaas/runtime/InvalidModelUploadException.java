package org.citymaas.runtime;

/**
 * A model version upload was refused: its archive is unsafe or too large, it is not a SavedModel, its card
 * breaks the card schema, or the model does not load or run its card's sample inputs. Nothing of it was kept.
 */
public class InvalidModelUploadException extends ModelRuntimeException {

    private final String reason;

    /**
     * @param reason a stable code, e.g. {@code path-traversal}, {@code zip-bomb}, {@code symlink}, {@code
     *     not-a-saved-model}, {@code card-missing-fields}
     * @param message what is wrong, for the uploader
     */
    public InvalidModelUploadException(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    public InvalidModelUploadException(String reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
