-- Saved searches of the auditors' search page (portal-web org.citymaas.portal.audit.boundary.SavedSearches):
-- each auditor's own named filters, kept as the search page's query string (from=...&department=...), so
-- that running one is opening the page with them. Filters only, never results; the auditor's searches
-- themselves are in the audit log.
CREATE TABLE audit_saved_search (
    id         bigint       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    auditor    varchar(200) NOT NULL,
    name       varchar(100) NOT NULL CHECK (length(btrim(name)) > 0),
    filters    varchar(4000) NOT NULL,
    created_at timestamptz  NOT NULL DEFAULT now(),
    UNIQUE (auditor, name)
);
COMMENT ON TABLE audit_saved_search IS 'An auditor''s named search filters (the search page''s query string)';

GRANT SELECT, INSERT, DELETE ON audit_saved_search TO ${appRole};
