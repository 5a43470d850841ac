/**
 * The usage ledger as the portal uses it: recording a request's usage inside the caller's
 * transaction, finding what a request id was charged, and the monthly reports per model per day.
 */
package org.citymaas.billing.usage.boundary;
