package org.citymaas.portal.clients.boundary;

/**
 * A client's new secret, shown this once and kept nowhere in CityMaaS.
 *
 * @param client the client; its {@code oldSecretValidUntil} says until when the secret before still obtains tokens
 *     (null: it stopped at once)
 * @param secret its secret
 */
public record ClientSecretView(ApiClientView client, String secret) {}
