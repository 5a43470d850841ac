/** The usage ledger: idempotent writes of usage events, and the reads that reports make of them. */
package org.citymaas.billing.usage.control;
