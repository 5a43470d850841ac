/**
 * How the auditors' monthly department report looks on paper: the report's values as one record, and
 * its A4 PDF (Chinese first with English labels, real extractable text in an embedded subset of the
 * Noto Sans SC font billing's build puts on the class path). No database here: the boundary counts.
 */
package org.citymaas.portal.audit.control;
