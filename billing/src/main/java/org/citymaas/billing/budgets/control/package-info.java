/**
 * Budget logic: the month-end forecast, the rule that says which alerts fire or resolve, and the JDBC
 * stores of budgets and alert state. They work on the caller's connection, inside its transaction, and
 * are used only inside this module.
 */
package org.citymaas.billing.budgets.control;
