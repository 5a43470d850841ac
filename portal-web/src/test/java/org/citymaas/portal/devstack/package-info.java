/**
 * Launchers of the dev stack: the real services the portal needs (Keycloak with the {@code citymaas} realm,
 * PostgreSQL, Payara Micro with the WAR), started as child processes of one JVM on loopback ports. The dev
 * run keeps their data between starts; integration tests start fresh ones on free ports. They live in the
 * test sources because nothing of them ships in the WAR.
 */
package org.citymaas.portal.devstack;
