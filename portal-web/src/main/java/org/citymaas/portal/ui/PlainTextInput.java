package org.citymaas.portal.ui;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UIViewParameter;
import jakarta.faces.context.FacesContext;
import jakarta.faces.validator.FacesValidator;
import jakarta.faces.validator.Validator;
import jakarta.faces.validator.ValidatorException;
import java.util.ResourceBundle;
import org.citymaas.security.input.boundary.HostileCharacters;

/**
 * Every text a form field takes, on every page (a default validator in faces-config.xml): no NUL, lone
 * surrogate, control character other than tab and line breaks, or bidirectional override. A refused field
 * gets the rule in the page's language at the field, and the form's action does not run, so nothing is
 * stored or charged. View parameters are left to their pages, which answer a bad address with a status.
 */
@FacesValidator(PlainTextInput.ID)
public class PlainTextInput implements Validator<Object> {

    public static final String ID = "citymaas.PlainText";

    @Override
    public void validate(FacesContext context, UIComponent component, Object value) {
        if (!(value instanceof CharSequence text) || component instanceof UIViewParameter) {
            return;
        }
        HostileCharacters.find(text).ifPresent(hostile -> {
            var bundle = ResourceBundle.getBundle(
                    "org.citymaas.portal.ui.Messages", context.getViewRoot().getLocale());
            var rule = bundle.getString("validation." + hostile.rule().messageKey());
            var message = label(component) + ": " + rule;
            throw new ValidatorException(new FacesMessage(FacesMessage.SEVERITY_ERROR, message, ""));
        });
    }

    /** The field's label (PrimeFaces' p:outputLabel gives its input one), else its id. */
    static String label(UIComponent component) {
        return component.getAttributes().get("label") instanceof String label && !label.isBlank()
                ? label
                : component.getId();
    }
}
