/**
 * The server-rendered pages' beans (Jakarta Faces with PrimeFaces): language, home, departments,
 * subscriptions and quotas, the staff's model catalog and a model's page with its "try it" form
 * (through the inference gateway).
 */
package org.citymaas.portal.ui;
