/**
 * Usage for people: a department's usage report per model per day (tenant and platform admins, JSON
 * and CSV) and a caller's own request history, read from the usage ledger and the audit log.
 */
package org.citymaas.portal.usage.boundary;
