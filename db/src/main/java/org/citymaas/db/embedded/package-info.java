/**
 * The embedded PostgreSQL server (real binaries from Maven artifacts) that the dev run and the
 * integration tests start; production points the portal at an external server instead.
 */
package org.citymaas.db.embedded;
