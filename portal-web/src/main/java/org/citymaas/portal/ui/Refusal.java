package org.citymaas.portal.ui;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.text.MessageFormat;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.function.Supplier;
import org.citymaas.billing.errors.ExportRefusedException;
import org.citymaas.billing.errors.InvalidBudgetException;
import org.citymaas.billing.errors.MonthNotEndedException;
import org.citymaas.billing.errors.PriceCardConflictException;
import org.citymaas.billing.errors.StatementNotFoundException;
import org.citymaas.billing.errors.StatementReviewException;
import org.citymaas.billing.errors.StatementStateException;
import org.citymaas.portal.errors.PortalException;
import org.citymaas.tenant.errors.TenantException;
import org.citymaas.tenant.errors.TenantStorageException;

/**
 * The billing pages' changes: a change the use cases refuse (bad input, a statement in the wrong state,
 * a conflicting price card) becomes a message at the field or form that caused it; our own failures
 * (5xx, storage) are not swallowed.
 */
final class Refusal {

    private Refusal() {}

    /** Runs the change; a refusal is shown at {@code clientId} (null: the page's messages) and gives empty. */
    static <T> Optional<T> attempt(String clientId, ResourceBundle text, Supplier<T> change) {
        try {
            return Optional.of(change.get());
        } catch (RuntimeException e) {
            if (!isRefusal(e)) {
                throw e;
            }
            show(clientId, text.getString("billing.refused"), e.getMessage());
            return Optional.empty();
        }
    }

    /** Whether the exception says the input or the state was wrong (4xx), not that we failed. */
    static boolean isRefusal(RuntimeException e) {
        if (e instanceof PortalException portal) {
            return portal.status() < 500;
        }
        if (e instanceof TenantException) {
            return !(e instanceof TenantStorageException);
        }
        return e instanceof StatementNotFoundException
                || e instanceof StatementStateException
                || e instanceof MonthNotEndedException
                || e instanceof PriceCardConflictException
                || e instanceof StatementReviewException
                || e instanceof InvalidBudgetException
                || e instanceof ExportRefusedException;
    }

    /** An error message at a component (or the page), and the request marked as failed validation. */
    static void show(String clientId, String summary, String detail) {
        var faces = FacesContext.getCurrentInstance();
        faces.addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, summary, detail));
        faces.validationFailed();
    }

    /** An information message for the page. */
    static void inform(ResourceBundle text, String key, Object... arguments) {
        FacesContext.getCurrentInstance()
                .addMessage(
                        null,
                        new FacesMessage(
                                FacesMessage.SEVERITY_INFO, MessageFormat.format(text.getString(key), arguments), ""));
    }
}
