/**
 * The Flyway migrations that own the CityMaaS schema, and the one entry point that applies them
 * (the portal at start, tests before they touch the database).
 */
package org.citymaas.db.migration;
