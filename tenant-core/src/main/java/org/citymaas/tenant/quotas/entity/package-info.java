/** Quota values: monthly periods in the city's zone, limits, reservations and what is left. */
package org.citymaas.tenant.quotas.entity;
