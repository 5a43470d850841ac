package org.citymaas.portal.ui;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.citymaas.portal.audit.boundary.AuditDownloads;
import org.citymaas.portal.audit.boundary.AuditEventView;
import org.citymaas.portal.audit.boundary.AuditSearch;
import org.citymaas.portal.audit.boundary.SavedSearches;
import org.citymaas.portal.audit.entity.SavedSearch;
import org.citymaas.portal.departments.boundary.DepartmentView;
import org.citymaas.portal.errors.InvalidParameterException;
import org.citymaas.portal.signin.CurrentCaller;
import org.citymaas.tenant.departments.boundary.Departments;
import org.citymaas.tenant.errors.DepartmentNotFoundException;

/**
 * The auditors' search page: the API's filters in the address ({@code run=1} searches, {@code
 * cursor} pages down, {@code export=csv|jsonl} downloads exactly the filtered events), the results
 * newest first, and the auditor's saved searches. A search and an export go through the same
 * boundaries as the API's, so each is recorded the same way.
 */
@Named
@RequestScoped
public class AuditSearchPage {

    static final int PAGE_SIZE = 25;

    @Inject
    AuditSearch search;

    @Inject
    AuditDownloads downloads;

    @Inject
    SavedSearches saved;

    @Inject
    CurrentCaller currentCaller;

    @Inject
    Departments departments;

    private AuditFilterQuery query = AuditFilterQuery.empty();
    private List<AuditEventView> events = List.of();
    private String nextCursor;
    private boolean searched;
    private String error;
    private String saveName;
    private String saveFilters;

    /** Searches, pages or downloads as the address says; a filter refused answers 400 with its name. */
    public void load() throws IOException {
        var parameters = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterValuesMap();
        try {
            query = AuditFilterQuery.of(parameters);
            var export = single(parameters, "export");
            if (export != null) {
                AuditFiles.send(downloads.export(currentCaller.get(), export, query.filters(null)));
                return;
            }
            if (single(parameters, "run") != null) {
                var page = search.search(currentCaller.get(), query.filters(PAGE_SIZE), single(parameters, "cursor"));
                events = page.events().stream().map(AuditEventView::of).toList();
                nextCursor = page.nextCursor();
                searched = true;
            }
        } catch (InvalidParameterException e) {
            refuse(e);
        } catch (DepartmentNotFoundException e) {
            refuse(new InvalidParameterException("department", "not a department id"));
        }
    }

    private void refuse(InvalidParameterException e) {
        // never shown back: the form starts over
        query = AuditFilterQuery.empty();
        events = List.of();
        error = readable(e);
        PageParameter.status(400);
    }

    /** A refusal as the page shows it: the parameter and why, printable characters only. */
    static String readable(InvalidParameterException e) {
        var text = FormMessages.text().getString("audit.invalid") + " " + e.getMessage();
        text = text.replaceAll("\\p{Cntrl}", "?");
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }

    private static String single(Map<String, String[]> parameters, String name) {
        var values = parameters.get(name);
        return values == null || values.length == 0 || values[0].isBlank() ? null : values[0];
    }

    /** Keeps the current filters under the name the auditor gave, and opens the page with them. */
    public String save() throws IOException {
        var caller = currentCaller.get();
        try {
            var filters = AuditFilterQuery.parse(saveFilters);
            search.query(filters.filters(null));
            saved.save(caller, saveName, filters.queryString());
            FacesContext.getCurrentInstance().getExternalContext().redirect(address(filters.queryString()));
        } catch (InvalidParameterException e) {
            error = readable(e);
            PageParameter.status(400);
        } catch (DepartmentNotFoundException e) {
            error = readable(new InvalidParameterException("department", "not a department id"));
            PageParameter.status(400);
        }
        return null;
    }

    /** Deletes one of the auditor's saved searches and opens the page again with the current filters. */
    public String delete(long id) throws IOException {
        saved.delete(currentCaller.get(), id);
        FacesContext.getCurrentInstance()
                .getExternalContext()
                .redirect(address(
                        saveFilters == null
                                ? ""
                                : AuditFilterQuery.parse(saveFilters).queryString()));
        return null;
    }

    private static String address(String queryString) {
        var context = FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath();
        return context + "/portal/audit/search.xhtml" + (queryString.isEmpty() ? "" : "?" + queryString);
    }

    /** An event's time as the search shows it (Asia/Shanghai, with its offset) in the page's form. */
    public String shown(String occurredAt) {
        return AuditCheckpointsPage.CITY_TIME.format(java.time.OffsetDateTime.parse(occurredAt));
    }

    public List<AuditEventView> getEvents() {
        return events;
    }

    public boolean isSearched() {
        return searched;
    }

    public String getError() {
        return error;
    }

    /** The next (older) page's address, or null on the last page. */
    public String getNextPage() {
        if (nextCursor == null) {
            return null;
        }
        var filters = query.queryString();
        return address(filters) + (filters.isEmpty() ? "?" : "&") + "run=1&cursor="
                + URLEncoder.encode(nextCursor, StandardCharsets.UTF_8);
    }

    /** This page's address with {@code extra} parameters (export, run). */
    public String with(String extra) {
        var filters = query.queryString();
        return address(filters) + (filters.isEmpty() ? "?" : "&") + extra;
    }

    /** The range check of this page's events: from the oldest to the newest shown. */
    public String getVerifyRange() {
        if (events.isEmpty()) {
            return null;
        }
        var context = FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath();
        return context + "/portal/audit/verify.xhtml?from="
                + events.get(events.size() - 1).seq() + "&to=" + events.get(0).seq();
    }

    /** A filter's value for the form. */
    public String value(String name) {
        return query.text(name);
    }

    public List<SavedSearch> getSavedSearches() {
        return saved.list(currentCaller.get());
    }

    /** A saved search's address, which runs it. */
    public String run(SavedSearch search) {
        return address("") + "?run=1" + (search.filters().isEmpty() ? "" : "&" + search.filters());
    }

    public List<DepartmentRow> getDepartments() {
        return departments.list().stream()
                .map(DepartmentView::of)
                .map(DepartmentRow::new)
                .toList();
    }

    public String getSaveName() {
        return saveName;
    }

    public void setSaveName(String saveName) {
        this.saveName = saveName;
    }

    /** The filters the save form keeps: the page's own, or those posted back. */
    public String getFilterQuery() {
        return saveFilters != null ? saveFilters : query.queryString();
    }

    public void setFilterQuery(String filters) {
        this.saveFilters = filters;
    }
}
