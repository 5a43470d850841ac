/**
 * How statements are made and kept: the usage of a month read per model version with the citation of
 * its request ids ({@code UsageReader}), priced into lines and corrections ({@code StatementLines}), the
 * states of a department's month ({@code PeriodClose}), the scheduled close ({@code CloseJob}), the
 * city's total ({@code CityTotals}) and the JDBC stores. Used only inside this module.
 */
package org.citymaas.billing.statements.control;
