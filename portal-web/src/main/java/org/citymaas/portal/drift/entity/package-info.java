/**
 * Values of live use and drift: the key a count is kept under, the judgement's settings and verdicts,
 * and a month's row of the drift report with its bins.
 */
package org.citymaas.portal.drift.entity;
