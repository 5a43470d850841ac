/**
 * Granting, revoking and finding a department's model subscriptions. Changes join the caller's
 * transaction (the portal commits each with its audit event); reads need none.
 */
package org.citymaas.tenant.subscriptions.boundary;
