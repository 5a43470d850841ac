package org.citymaas.security.provisioning.entity;

import org.citymaas.security.errors.SecurityModuleException;

/** Keycloak's side of a department does not allow the change asked for; nothing was changed. */
public class DirectoryRefusal extends SecurityModuleException {

    /** Why. */
    public enum Kind {
        /** The member, user or client is not there (or not in this department). */
        NOT_FOUND,
        /** The change conflicts with what Keycloak holds (a name taken, a member of another department). */
        CONFLICT
    }

    private final Kind kind;

    public DirectoryRefusal(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public static DirectoryRefusal notFound(String message) {
        return new DirectoryRefusal(Kind.NOT_FOUND, message);
    }

    public static DirectoryRefusal conflict(String message) {
        return new DirectoryRefusal(Kind.CONFLICT, message);
    }
}
