package org.citymaas.security.input.boundary;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The annotated text holds no {@link HostileCharacters hostile character}. The violation's message
 * is the key of the rule broken ({@code {citymaas.characters.<rule>}}), so that the API and the
 * pages each say it in their own words; null is valid (pair with {@code @NotNull}).
 */
@Documented
@Constraint(validatedBy = PlainTextValidator.class)
@Target({FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
@Retention(RUNTIME)
public @interface PlainText {

    String message() default "{citymaas.characters}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
