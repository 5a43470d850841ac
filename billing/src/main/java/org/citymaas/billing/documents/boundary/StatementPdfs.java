package org.citymaas.billing.documents.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import org.citymaas.billing.documents.control.StatementPdf;
import org.citymaas.billing.statements.entity.Statement;

/**
 * Statements as PDF documents for people to read, keep and forward: A4, Chinese first with English labels,
 * text extractable, the Chinese font embedded as a subset. Rendering takes turns on the one parsed font.
 */
@ApplicationScoped
public class StatementPdfs {

    private final StatementPdf pdf = new StatementPdf();

    /**
     * The statement as a PDF.
     *
     * @throws org.citymaas.billing.errors.StatementPdfException when the font is missing or unreadable
     */
    public byte[] render(Statement statement) {
        return pdf.render(statement);
    }
}
