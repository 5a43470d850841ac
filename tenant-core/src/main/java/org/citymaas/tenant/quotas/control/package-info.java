/**
 * The quota ledger: atomic reservations in PostgreSQL (reserve before running, settle or release
 * after), on the caller's connection so they join its transaction.
 */
package org.citymaas.tenant.quotas.control;
