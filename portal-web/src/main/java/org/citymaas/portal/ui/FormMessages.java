package org.citymaas.portal.ui;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.validation.ConstraintViolation;
import java.text.MessageFormat;
import java.util.ResourceBundle;
import java.util.Set;

/** A page's messages in its language: a refused field beside the field, a result or a refusal at the top. */
final class FormMessages {

    private FormMessages() {}

    static ResourceBundle text() {
        var faces = FacesContext.getCurrentInstance();
        return ResourceBundle.getBundle(
                "org.citymaas.portal.ui.Messages", faces.getViewRoot().getLocale());
    }

    /**
     * Each violation at its field ({@code <form>:<field>}), labelled {@code <prefix>.<field>}; true when there was
     * none.
     */
    static boolean fields(String form, String prefix, Set<? extends ConstraintViolation<?>> violations) {
        var text = text();
        for (var v : violations) {
            var field = v.getPropertyPath().toString();
            FacesContext.getCurrentInstance()
                    .addMessage(
                            form + ":" + field,
                            new FacesMessage(
                                    FacesMessage.SEVERITY_ERROR,
                                    text.getString(prefix + "." + field) + ": " + message(text, v),
                                    ""));
        }
        return violations.isEmpty();
    }

    static void info(String summaryKey, String detail, Object... arguments) {
        add(FacesMessage.SEVERITY_INFO, MessageFormat.format(text().getString(summaryKey), arguments), detail);
    }

    static void error(String summaryKey, String detail) {
        add(FacesMessage.SEVERITY_ERROR, text().getString(summaryKey), detail);
    }

    private static void add(FacesMessage.Severity severity, String summary, String detail) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, summary, detail));
    }

    /** The violation's message in the page's language: its template is a key of the page texts, prefixed. */
    private static String message(ResourceBundle text, ConstraintViolation<?> violation) {
        String template = violation.getMessageTemplate();
        if (template.startsWith("{") && template.endsWith("}")) {
            String key = "validation." + template.substring(1, template.length() - 1);
            if (text.containsKey(key)) {
                return text.getString(key);
            }
        }
        return violation.getMessage();
    }
}
