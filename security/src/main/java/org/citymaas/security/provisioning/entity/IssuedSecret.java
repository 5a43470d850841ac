package org.citymaas.security.provisioning.entity;

/**
 * A client secret just created or regenerated: shown once, to the admin who asked, and kept nowhere in CityMaaS.
 *
 * @param client the client
 * @param secret its secret; the previous one (if any) no longer obtains tokens
 */
public record IssuedSecret(DepartmentClient client, String secret) {}
