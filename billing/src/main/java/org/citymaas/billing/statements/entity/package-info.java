/**
 * Monthly statements as values: a {@link org.citymaas.billing.statements.entity.Statement} is one
 * department's month, moving OPEN → DRAFT → ISSUED → VOID
 * ({@link org.citymaas.billing.statements.entity.StatementStatus}); its
 * {@link org.citymaas.billing.statements.entity.StatementLine}s each cite the usage they were computed
 * from ({@link org.citymaas.billing.statements.entity.UsageCitation}), so that an auditor can recompute
 * a line from the verified audit log. Exports and the PDF read these values and nothing else.
 */
package org.citymaas.billing.statements.entity;
