package org.citymaas.portal.ui;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.citymaas.portal.access.boundary.AccessGrant;
import org.citymaas.portal.access.boundary.AccessRefusal;
import org.citymaas.portal.access.boundary.AccessRequests;
import org.citymaas.portal.access.entity.AccessStatus;
import org.citymaas.portal.errors.AccessRequestConflictException;
import org.citymaas.portal.signin.CurrentCaller;
import org.citymaas.security.identity.entity.Caller;
import org.citymaas.security.identity.entity.Role;

/**
 * The platform admins' access requests page: the pending requests (oldest first) with their justification, a form
 * to grant one with a monthly quota or refuse it with a reason, and the latest decisions. Decisions go through the
 * same {@link AccessRequests} boundary as the API, so they are checked and audited the same way.
 */
@Named
@ViewScoped
public class AccessRequestsPage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int DECIDED_SHOWN = 50;

    @Inject
    transient AccessRequests requests;

    @Inject
    transient CurrentCaller currentCaller;

    private Long deciding;
    private String requestLimit;
    private String rowLimit;
    private String reason;
    private transient List<AccessRequestRow> pending;
    private transient List<AccessRequestRow> decided;

    public List<AccessRequestRow> getPending() {
        if (pending == null) {
            pending = requests.list(AccessStatus.PENDING).stream()
                    .map(AccessRequestRow::new)
                    .toList();
        }
        return pending;
    }

    /** The latest granted and refused requests, newest decision first. */
    public List<AccessRequestRow> getDecided() {
        if (decided == null) {
            var all = new ArrayList<AccessRequestRow>();
            for (var status : List.of(AccessStatus.GRANTED, AccessStatus.REFUSED)) {
                requests.list(status).stream().map(AccessRequestRow::new).forEach(all::add);
            }
            all.sort(Comparator.comparing(AccessRequestRow::getDecidedAt).reversed());
            decided = all.stream().limit(DECIDED_SHOWN).toList();
        }
        return decided;
    }

    /** Opens the decision form for a pending request. */
    public void decide(long id) {
        deciding = id;
        requestLimit = rowLimit = reason = null;
    }

    public void cancel() {
        deciding = null;
        requestLimit = rowLimit = reason = null;
    }

    public void grant() {
        if (deciding == null) {
            return;
        }
        var monthlyRequests = limit(requestLimit, "access.requestLimit");
        var monthlyRows = limit(rowLimit, "access.rowLimit");
        if (monthlyRequests == null || monthlyRows == null) {
            return;
        }
        var id = deciding;
        attempt(() -> requests.grant(id, new AccessGrant(monthlyRequests, monthlyRows), admin()))
                .ifPresent(granted -> {
                    FormMessages.info(
                            "access.granted",
                            "",
                            granted.department(),
                            granted.model(),
                            String.valueOf(monthlyRequests),
                            String.valueOf(monthlyRows));
                    cancel();
                });
    }

    public void refuse() {
        if (deciding == null) {
            return;
        }
        var text = reason == null ? "" : reason.strip();
        if (text.isEmpty() || text.length() > AccessRequests.MAX_REASON) {
            refused(text.isEmpty() ? "access.reason.required" : "access.reason.tooLong");
            return;
        }
        var id = deciding;
        attempt(() -> requests.refuse(id, new AccessRefusal(text), admin())).ifPresent(refused -> {
            FormMessages.info("access.refusedDone", "", refused.department(), refused.model());
            cancel();
        });
    }

    /** A limit typed in the form: a whole number from 0, else a message naming the field and null. */
    private Long limit(String typed, String field) {
        try {
            var value = typed == null ? -1 : Long.parseLong(typed.strip());
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below, like a negative number
        }
        Refusal.show(null, MessageFormat.format(text("access.limit.invalid"), text(field)), "");
        return null;
    }

    private <T> Optional<T> attempt(Supplier<T> change) {
        try {
            return Optional.of(change.get());
        } catch (AccessRequestConflictException e) {
            refused("access.decided");
            cancel();
            return Optional.empty();
        } catch (RuntimeException e) {
            if (!Refusal.isRefusal(e)) {
                throw e;
            }
            Refusal.show(null, text("access.failed"), e.getMessage());
            return Optional.empty();
        } finally {
            pending = decided = null;
        }
    }

    private static void refused(String key) {
        Refusal.show(null, text(key), "");
    }

    private static String text(String key) {
        return FormMessages.text().getString(key);
    }

    /** The signed-in platform admin: web.xml keeps everyone else off this page, this is a second wall. */
    private Caller admin() {
        var caller = currentCaller.get();
        if (!caller.has(Role.PLATFORM_ADMIN)) {
            throw new IllegalStateException("only platform admins decide access requests");
        }
        return caller;
    }

    public boolean isDeciding() {
        return deciding != null;
    }

    /** The request being decided, or null. */
    public AccessRequestRow getDecision() {
        return deciding == null
                ? null
                : getPending().stream()
                        .filter(r -> r.getId() == deciding)
                        .findFirst()
                        .orElse(null);
    }

    public String getRequestLimit() {
        return requestLimit;
    }

    public void setRequestLimit(String requestLimit) {
        this.requestLimit = requestLimit;
    }

    public String getRowLimit() {
        return rowLimit;
    }

    public void setRowLimit(String rowLimit) {
        this.rowLimit = rowLimit;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
