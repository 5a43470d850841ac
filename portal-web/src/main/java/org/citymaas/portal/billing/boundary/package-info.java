/**
 * Billing as the portal offers it: statements and their close ({@code Chargeback}), price cards
 * ({@code PriceList}), billing accounts ({@code Accounts}), budgets and their alerts
 * ({@code BudgetDesk}, and {@code BudgetGuard} on the inference path), the audit log's citations
 * ({@code AuditCitations}), the API ({@code BillingResource}) and the timers of the period close and
 * the budget evaluation ({@code BillingTimers}). Every change is audited.
 */
package org.citymaas.portal.billing.boundary;
