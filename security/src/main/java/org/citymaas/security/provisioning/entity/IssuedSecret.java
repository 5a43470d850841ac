package org.citymaas.security.provisioning.entity;

/**
 * A client secret just created or regenerated: shown once, to the admin who asked, and kept nowhere in CityMaaS.
 *
 * @param client the client; {@link DepartmentClient#oldSecretValidUntil()} says until when the previous secret still
 *     obtains tokens (a grace period), null when it stopped at once
 * @param secret its secret
 */
public record IssuedSecret(DepartmentClient client, String secret) {}
