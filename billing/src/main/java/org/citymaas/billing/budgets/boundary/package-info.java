/**
 * Budgets' public face: set and clear a department's monthly budget, evaluate a month's cost against
 * it (the alert transitions to audit), the active alerts for banners, and whether a HARD budget refuses
 * new requests.
 */
package org.citymaas.billing.budgets.boundary;
