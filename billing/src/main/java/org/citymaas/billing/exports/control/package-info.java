/**
 * How a month's statements become finance exports: which statements an export may hold
 * ({@code ExportSelection}), one FOCUS-shaped record per statement line ({@code FocusRecords}) and
 * one journal line per department plus the platform's balancing line ({@code JournalEntries}). Pure
 * Java: no database, no CDI.
 */
package org.citymaas.billing.exports.control;
