package org.citymaas.portal.departments.boundary;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A platform admin's request for a new department.
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

        @NotBlank(message = "is required") @Size(max = 100, message = "must be at most 100 characters")
        String nameZh,

        @NotBlank(message = "is required") @Size(max = 100, message = "must be at most 100 characters")
        String nameEn,

        @NotNull(message = "is required")
        @Pattern(
                regexp = "[a-z0-9][a-z0-9._-]{2,59}",
                message = "must be 3-60 characters of a-z, 0-9, '.', '_' and '-'")
        String adminUsername,

        @NotBlank(message = "is required") @Email(message = "must be an e-mail address")
        String adminEmail,

        @NotBlank(message = "is required") @Size(max = 100, message = "must be at most 100 characters")
        String adminName) {}
