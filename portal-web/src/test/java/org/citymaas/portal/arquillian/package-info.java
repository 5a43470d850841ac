/**
 * An Arquillian extension that lets the integration tests share one deployment: the Payara Micro
 * container starts a server per deployment (about 30 s on the CI machine), so the test classes that declare
 * no {@code @Deployment} of their own run one after another against one server, started once per test
 * JVM; a class that needs a server of its own (data in place before the portal starts) keeps its own
 * {@code @Deployment}. It lives in the test sources: nothing of it ships in the WAR.
 */
package org.citymaas.portal.arquillian;
