package org.citymaas.portal.clients.boundary;

/**
 * A client's new secret, shown this once and kept nowhere in CityMaaS.
 *
 * @param client the client
 * @param secret its secret; the one before (if any) obtains no more tokens
 */
public record ClientSecretView(ApiClientView client, String secret) {}
