/**
 * How the portal is put together: data source and migrations, Hibernate's tenant resolution, and the
 * JAX-RS application. The only package that imports org.hibernate.
 */
package org.citymaas.portal.configuration;
