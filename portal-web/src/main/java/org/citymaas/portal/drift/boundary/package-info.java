/**
 * Live use of the models and its drift (issue 16, item 4; portal-web README, "Live use and drift"): every
 * answered inference (API, model page, batch line) adds its rows' predictions to counters per department,
 * model version, month and bin of the card's {@code prediction_reference}, kept in memory and added to
 * PostgreSQL every interval and at shutdown; platform admins and auditors read a month's report (API and
 * page), each read audited.
 */
package org.citymaas.portal.drift.boundary;
