/**
 * Documents made from billing's values for people to read and keep: {@link
 * org.citymaas.billing.documents.boundary.StatementPdfs} renders a statement as a PDF, Chinese first with
 * English labels.
 */
package org.citymaas.billing.documents.boundary;
