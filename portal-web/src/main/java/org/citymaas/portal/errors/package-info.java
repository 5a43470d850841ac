/**
 * The portal's own exceptions, one root ({@code PortalException}) with the HTTP status each stands
 * for; {@code problems.ProblemMappers} turns them into problem+json.
 */
package org.citymaas.portal.errors;
