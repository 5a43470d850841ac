package org.citymaas.security.provisioning.entity;

import java.util.List;
import org.citymaas.security.errors.SecurityModuleException;

/**
 * Keycloak refused or failed a provisioning step. Whatever the earlier steps had created was
 * removed again; {@link #undone()} says what, {@link #leftBehind()} what could not be removed.
 */
public class ProvisioningException extends SecurityModuleException {

    private final ProvisioningStep failedStep;
    private final boolean conflict;
    private final List<ProvisioningStep> undone;
    private final List<ProvisioningStep> leftBehind;

    public ProvisioningException(
            ProvisioningStep failedStep,
            boolean conflict,
            List<ProvisioningStep> undone,
            List<ProvisioningStep> leftBehind,
            String message,
            Throwable cause) {
        super(message, cause);
        this.failedStep = failedStep;
        this.conflict = conflict;
        this.undone = List.copyOf(undone);
        this.leftBehind = List.copyOf(leftBehind);
    }

    public ProvisioningStep failedStep() {
        return failedStep;
    }

    /** Keycloak already holds something of that name (HTTP 409 there). */
    public boolean isConflict() {
        return conflict;
    }

    public List<ProvisioningStep> undone() {
        return undone;
    }

    public List<ProvisioningStep> leftBehind() {
        return leftBehind;
    }
}
