/**
 * Turning Keycloak tokens into a caller: offline verification of Bearer access tokens
 * (nimbus-jose-jwt) and the reading of claims shared by the browser and the API sign-in.
 */
package org.citymaas.security.identity.control;
