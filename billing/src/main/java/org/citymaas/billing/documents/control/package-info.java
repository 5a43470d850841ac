/**
 * How a statement is laid out as a PDF (Apache PDFBox): {@link
 * org.citymaas.billing.documents.control.StatementPdf} draws the header, the lines' table, the total and the
 * audit checkpoint on A4 pages; {@link org.citymaas.billing.documents.control.CjkFont} holds the embedded
 * Chinese font (Noto Sans SC, a TrueType subset per document) and replaces characters it has no glyph for;
 * {@link org.citymaas.billing.documents.control.Sheet} keeps the pages and the cursor.
 */
package org.citymaas.billing.documents.control;
