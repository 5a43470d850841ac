/** Creating, finding and listing departments; the transactions around them. */
package org.citymaas.tenant.departments.boundary;
