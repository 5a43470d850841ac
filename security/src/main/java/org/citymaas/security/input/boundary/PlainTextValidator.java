package org.citymaas.security.input.boundary;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link PlainText}: the message names the rule broken. */
public class PlainTextValidator implements ConstraintValidator<PlainText, CharSequence> {

    @Override
    public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
        var hostile = HostileCharacters.find(value);
        if (hostile.isEmpty()) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate("{" + hostile.get().rule().messageKey() + "}")
                .addConstraintViolation();
        return false;
    }
}
