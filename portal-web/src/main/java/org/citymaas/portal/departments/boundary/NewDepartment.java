package org.citymaas.portal.departments.boundary;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * A platform admin's request for a new department. (Only {@code @NotNull} and {@code @Pattern}: Payara's
 * OpenAPI scanner fails on {@code @NotBlank}, {@code @Size} and the like in records.)
 *
 * @param id the department's slug, e.g. {@code parks}
 * @param nameZh its Chinese name, e.g. 园林绿化局
 * @param nameEn its English name, e.g. Parks Bureau
 * @param adminUsername the user name of its first tenant admin
 * @param adminEmail that admin's e-mail address
 * @param adminName that admin's name
 */
public record NewDepartment(
        @NotNull(message = "is required")
        @Pattern(
                regexp = "[a-z][a-z0-9-]{1,39}",
                message = "must be 2-40 characters of a-z, 0-9 and '-', starting with a letter")
        String id,

        @NotNull(message = "is required")
        @Pattern(regexp = "(?s)(?=.*\\S).{1,100}", message = "must not be blank and at most 100 characters")
        String nameZh,

        @NotNull(message = "is required")
        @Pattern(regexp = "(?s)(?=.*\\S).{1,100}", message = "must not be blank and at most 100 characters")
        String nameEn,

        @NotNull(message = "is required")
        @Pattern(
                regexp = "[a-z0-9][a-z0-9._-]{2,59}",
                message = "must be 3-60 characters of a-z, 0-9, '.', '_' and '-'")
        String adminUsername,

        @NotNull(message = "is required")
        @Pattern(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+", message = "must be an e-mail address")
        String adminEmail,

        @NotNull(message = "is required")
        @Pattern(regexp = "(?s)(?=.*\\S).{1,100}", message = "must not be blank and at most 100 characters")
        String adminName) {}
