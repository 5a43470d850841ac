/**
 * The public face of the finance exports: {@code CostExports} turns a month's statements into its
 * FOCUS cost-and-usage table and its journal, for the portal to write as CSV and JSON Lines and sign.
 */
package org.citymaas.billing.exports.boundary;
