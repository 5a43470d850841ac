/**
 * Suspending and reactivating a department (audited), and the request-time check that closes a suspended department's
 * pages and API to its members and clients and pauses its batch jobs.
 */
package org.citymaas.portal.suspension.boundary;
