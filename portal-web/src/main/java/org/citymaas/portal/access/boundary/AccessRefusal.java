package org.citymaas.portal.access.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.citymaas.security.input.boundary.PlainText;

/**
 * A platform admin's refusal.
 *
 * @param reason why (1-500 characters; the department sees it; never audited)
 */
public record AccessRefusal(
        @NotBlank(message = "is required")
        @Size(max = AccessRequests.MAX_REASON, message = "must be at most 500 characters")
        @PlainText
        String reason) {}
