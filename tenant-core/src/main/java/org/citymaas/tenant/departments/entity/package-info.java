/** City departments, the tenants of CityMaaS, and their identifier type. */
package org.citymaas.tenant.departments.entity;
