/** What the billing API takes: new price cards, reviews of drafts, billing accounts and budgets. */
package org.citymaas.portal.billing.entity;
