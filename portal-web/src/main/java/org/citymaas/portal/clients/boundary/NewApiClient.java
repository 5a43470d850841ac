package org.citymaas.portal.clients.boundary;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.citymaas.security.input.boundary.PlainText;

/**
 * A new API client of a department; its client id is {@code <department>-<name>}.
 *
 * @param name 2-30 characters of a-z, 0-9 and '-', starting with a letter
 * @param purpose what it is for: printable text without line breaks, at most 200 characters
 */
public record NewApiClient(
        @NotNull(message = "{citymaas.required}")
        @PlainText
        @Pattern(regexp = "[a-z][a-z0-9-]{1,29}", message = "{citymaas.client.name}")
        String name,

        @NotNull(message = "{citymaas.required}")
        @PlainText
        @Pattern(regexp = "(?=.*\\S)[^\\p{Cc}\\p{Cf}]{1,200}", message = "{citymaas.client.purpose}")
        String purpose) {}
