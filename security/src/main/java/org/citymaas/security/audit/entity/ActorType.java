package org.citymaas.security.audit.entity;

import java.util.Locale;

/** Who acted: a signed-in person, a department's service account, or nobody known. */
public enum ActorType {
    USER,
    SERVICE,
    ANONYMOUS;

    /** The stored and hashed spelling. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ActorType ofCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
