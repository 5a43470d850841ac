/**
 * Finance exports as values: an {@link org.citymaas.billing.exports.entity.ExportTable} is a file's
 * header and rows as text (the FOCUS-shaped cost and usage records of
 * {@link org.citymaas.billing.exports.entity.FocusColumn}, or the journal entries), and a
 * {@link org.citymaas.billing.exports.entity.MonthExport} is one month's pair of them, final (issued
 * statements) or a marked preview. The bytes (CSV, JSON Lines) and signatures are the portal's.
 */
package org.citymaas.billing.exports.entity;
