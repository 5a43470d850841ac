/**
 * Quota enforcement and limits as one boundary: reservations, settlements and releases that join the
 * caller's transaction, the limits platform admins set, and what a department has left.
 */
package org.citymaas.tenant.quotas.boundary;
