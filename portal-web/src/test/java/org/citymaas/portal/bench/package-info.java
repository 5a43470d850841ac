/**
 * The portal benchmark ({@code ./mvnw -B -pl portal-web -am -Pportal-bench package -DskipTests}): the dev
 * run's stack (durable PostgreSQL, Keycloak with a fresh demo realm, Payara Micro with the WAR) started in
 * {@code target/portal-bench}, driven over HTTP by closed-loop Java clients that record HdrHistograms, and the
 * model runtime measured in the same JVM on the same SavedModel; governed and in-process explanations next to
 * inferences per explainable model. Only the unit tests of its parsing and report code run in the regular build.
 */
package org.citymaas.portal.bench;
