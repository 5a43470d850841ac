package org.citymaas.portal.billing.entity;

import jakarta.validation.constraints.Pattern;
import org.citymaas.security.input.boundary.PlainText;

/**
 * A comment or reason a person writes: a budget holder's answer to a draft, a platform admin's reason
 * to void. It is stored with the statement and never written to the audit log.
 *
 * @param text the text, at most 1000 characters
 */
public record TextRequest(
        @PlainText @Pattern(regexp = "(?s).{0,1000}", message = "is at most 1000 characters")
        String text) {}
