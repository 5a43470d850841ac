package org.citymaas.billing.exports.entity;

/** Whether an export is finance's record of a closed month or a look at one that is not closed. */
public enum ExportKind {
    /** Issued statements only, of a month in which no statement is still open or draft; signed. */
    FINAL,
    /**
     * Every statement of the month that is not void, drafts and month-to-date estimates included; its
     * file names say {@code preview}, its rows carry no InvoiceId, and it is not signed.
     */
    PREVIEW
}
