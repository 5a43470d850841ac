/**
 * How the portal is put together: data source and migrations, the readiness probe of the connection
 * pool, PostgreSQL advisory locks, Hibernate's tenant resolution, and the JAX-RS application. The only
 * package that imports org.hibernate, and where the portal's JDBC and SQL live.
 */
package org.citymaas.portal.configuration;
