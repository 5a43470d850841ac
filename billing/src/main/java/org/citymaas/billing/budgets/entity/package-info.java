/**
 * Budget values: a department's monthly budget and how it is enforced, the alert kinds (50, 80 and 100%
 * of the month-to-date cost, and a month-end forecast over 100%) and the alert transitions (fired,
 * resolved) that the portal audits and shows as banners.
 */
package org.citymaas.billing.budgets.entity;
