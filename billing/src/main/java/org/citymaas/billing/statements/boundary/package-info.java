/**
 * The statements' public face: {@code Statements} (estimate, close, review, issue, void, the
 * scheduled close, reads) and {@code BillingAccounts} (cost centre and budget holder per department),
 * CDI beans on the container's data source.
 */
package org.citymaas.billing.statements.boundary;
