package org.citymaas.portal.members.boundary;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.citymaas.security.input.boundary.PlainText;

/**
 * A person to add to a department: either a new Keycloak account ({@code username}, {@code email}, {@code name}) or
 * an existing one ({@code existing}: its user name or e-mail address), with their role.
 *
 * @param username the new account's user name
 * @param email the new account's e-mail address
 * @param name the new person's name
 * @param existing the user name or e-mail address of an existing account
 * @param role {@code staff} or {@code tenant-admin}
 */
public record NewMember(
        @PlainText @Pattern(regexp = Patterns.USERNAME, message = "{citymaas.username}")
        String username,

        @PlainText @Pattern(regexp = Patterns.EMAIL, message = "{citymaas.email}")
        String email,

        @PlainText @Pattern(regexp = Patterns.TEXT100, message = "{citymaas.text100}")
        String name,

        @PlainText @Pattern(regexp = Patterns.EXISTING, message = "{citymaas.member.existing}")
        String existing,

        @NotNull(message = "{citymaas.required}")
        @PlainText
        @Pattern(regexp = Patterns.ROLE, message = "{citymaas.member.role}")
        String role) {

    /** The patterns of the members' requests. */
    public static final class Patterns {
        public static final String USERNAME = "[a-z0-9][a-z0-9._-]{2,59}";
        public static final String EMAIL = "[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+";
        public static final String TEXT100 = "(?s)(?=.*\\S).{1,100}";
        public static final String EXISTING = USERNAME + "|(?=.{3,254}$)" + EMAIL;
        public static final String ROLE = "staff|tenant-admin";

        private Patterns() {}
    }
}
