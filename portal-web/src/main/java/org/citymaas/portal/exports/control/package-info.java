/**
 * How the portal writes every CSV file it hands out (batch results and templates, usage exports, and
 * the invoices and audit exports to come): RFC 4180 quoting by Commons CSV, UTF-8 with a byte order
 * mark for spreadsheet programs, and cells that a spreadsheet would run as a formula turned into text.
 * {@code FinanceExports} writes billing's month exports (FOCUS CSV and JSON Lines, the journal CSV)
 * with it and signs them.
 */
package org.citymaas.portal.exports.control;
