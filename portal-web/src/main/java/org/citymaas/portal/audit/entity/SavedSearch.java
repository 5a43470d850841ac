package org.citymaas.portal.audit.entity;

import java.time.Instant;

/**
 * An auditor's named search.
 *
 * @param filters the search page's query string ({@code department=transport&outcome=DENIED})
 */
public record SavedSearch(long id, String name, String filters, Instant createdAt) {}
