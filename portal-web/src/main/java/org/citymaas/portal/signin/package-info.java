/**
 * Signing in, two ways and one caller: the browser through Keycloak's authorization-code flow with a
 * server-side session, systems through Bearer access tokens checked offline; both give the container
 * and the rest of the code the same {@code Caller}, department and roles.
 */
package org.citymaas.portal.signin;
