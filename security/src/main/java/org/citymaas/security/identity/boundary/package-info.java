/**
 * Turning a Keycloak access token into its claims: {@link
 * org.citymaas.security.identity.boundary.AccessTokens} verifies Bearer tokens offline
 * (nimbus-jose-jwt); the claims ({@link org.citymaas.security.identity.entity.TokenClaims}) are read
 * the same way for the browser and the API sign-in.
 */
package org.citymaas.security.identity.boundary;
