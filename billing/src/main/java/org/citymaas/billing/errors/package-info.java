/** What billing refuses or fails at, as one exception hierarchy rooted at {@code BillingException}. */
package org.citymaas.billing.errors;
