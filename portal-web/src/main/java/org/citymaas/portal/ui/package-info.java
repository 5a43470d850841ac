/**
 * The server-rendered pages' beans (Jakarta Faces with PrimeFaces): language, home, departments,
 * subscriptions and quotas, the staff's model catalog and a model's page with its "try it" form
 * (through the governed inference use case), CSV batch scoring, a department's usage report (chart, table, CSV
 * export) and a person's own request history.
 */
package org.citymaas.portal.ui;
