package org.citymaas.security.identity.entity;

/** Who is calling: a person signed in through Keycloak, or a department's system (service account). */
public enum CallerKind {
    USER,
    SERVICE
}
