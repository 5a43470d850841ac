package org.citymaas.portal.departments.boundary;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.citymaas.security.input.boundary.PlainText;

/**
 * A platform admin's request for a new department. (Only {@code @NotNull} and {@code @Pattern}: Payara's
 * OpenAPI scanner fails on {@code @NotBlank}, {@code @Size} and the like in records.) The messages are keys of
 * {@code ValidationMessages.properties} (the API's English text) and, prefixed {@code validation.}, of the
 * portal's page texts in Chinese and English. {@code @PlainText} on every text names the hostile character's rule
 * (NUL, control, lone surrogate, bidirectional override) where a pattern would only say the text is wrong.
 *
 * @param id the department's slug, e.g. {@code parks}
 * @param nameZh its Chinese name, e.g. 园林绿化局
 * @param nameEn its English name, e.g. Parks Bureau
 * @param adminUsername the user name of its first tenant admin
 * @param adminEmail that admin's e-mail address
 * @param adminName that admin's name
 */
public record NewDepartment(
        @NotNull(message = "{citymaas.required}")
        @PlainText
        @Pattern(regexp = "[a-z][a-z0-9-]{1,39}", message = "{citymaas.department.id}")
        String id,

        @NotNull(message = "{citymaas.required}")
        @PlainText
        @Pattern(regexp = "(?s)(?=.*\\S).{1,100}", message = "{citymaas.text100}")
        String nameZh,

        @NotNull(message = "{citymaas.required}")
        @PlainText
        @Pattern(regexp = "(?s)(?=.*\\S).{1,100}", message = "{citymaas.text100}")
        String nameEn,

        @NotNull(message = "{citymaas.required}")
        @PlainText
        @Pattern(regexp = "[a-z0-9][a-z0-9._-]{2,59}", message = "{citymaas.username}")
        String adminUsername,

        @NotNull(message = "{citymaas.required}")
        @PlainText
        @Pattern(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+", message = "{citymaas.email}")
        String adminEmail,

        @NotNull(message = "{citymaas.required}")
        @PlainText
        @Pattern(regexp = "(?s)(?=.*\\S).{1,100}", message = "{citymaas.text100}")
        String adminName) {}
