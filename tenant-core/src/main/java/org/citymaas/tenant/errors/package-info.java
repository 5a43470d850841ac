/** What tenant-core refuses, as one exception hierarchy rooted at {@code TenantException}. */
package org.citymaas.tenant.errors;
