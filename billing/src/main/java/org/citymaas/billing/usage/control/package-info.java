/** The usage ledger: idempotent writes of usage events on the caller's connection. */
package org.citymaas.billing.usage.control;
