package org.citymaas.runtime;

/**
 * One broken schema rule.
 *
 * @param field the input field's name
 * @param rule the rule it broke: {@code required}, {@code unknown}, {@code datatype}, {@code shape},
 *     {@code batch}, {@code minimum}, {@code maximum}, {@code finite}, {@code maxLength}
 * @param message a sentence for a person
 */
public record FieldViolation(String field, String rule, String message) {

    @Override
    public String toString() {
        return field + " [" + rule + "]: " + message;
    }
}
