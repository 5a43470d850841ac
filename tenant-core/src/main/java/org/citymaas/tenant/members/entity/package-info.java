/** The people of a department as CityMaaS records them; their credentials stay in Keycloak. */
package org.citymaas.tenant.members.entity;
