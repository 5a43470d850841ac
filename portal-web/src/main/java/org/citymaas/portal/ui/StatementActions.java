package org.citymaas.portal.ui;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import org.citymaas.portal.billing.boundary.Chargeback;
import org.citymaas.portal.signin.CurrentCaller;
import org.citymaas.security.identity.entity.Caller;
import org.citymaas.security.identity.entity.Role;

/**
 * The billing page's forms: the budget holder's accept (optional comment) or dispute (comment
 * required) of the shown draft, and a platform admin's close, issue and void, each through the same
 * {@link Chargeback} use cases as the API. Bad input and refused changes are shown at their field.
 */
@Named
@ViewScoped
public class StatementActions implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The id of the form with the review and the platform admins' actions. */
    static final String FORM = "billing-actions";

    /** The longest comment or reason, in characters, as the API's TextRequest. */
    static final int MAX_TEXT = 1000;

    @Inject
    BillingPage page;

    @Inject
    transient Chargeback chargeback;

    @Inject
    transient CurrentCaller currentCaller;

    @Inject
    Language language;

    private String acceptComment;
    private String disputeComment;
    private String voidReason;
    private String closeMonth;

    /** The budget holder accepts the shown draft. */
    public void accept() {
        if (tooLong(acceptComment, "accept-comment")) {
            return;
        }
        Refusal.attempt(
                        FORM + ":accept-comment",
                        text(),
                        () -> chargeback.accept(
                                currentCaller.get(), page.getMonth(), PriceCardForm.strip(acceptComment)))
                .ifPresent(s -> {
                    Refusal.inform(text(), "billing.accepted", s.month().toString());
                    acceptComment = null;
                });
        page.forget();
    }

    /** The budget holder disputes the shown draft; a dispute says why. */
    public void dispute() {
        if (blank(disputeComment)) {
            Refusal.show(FORM + ":dispute-comment", text().getString("billing.error.disputeComment"), "");
            return;
        }
        if (tooLong(disputeComment, "dispute-comment")) {
            return;
        }
        Refusal.attempt(
                        FORM + ":dispute-comment",
                        text(),
                        () -> chargeback.dispute(currentCaller.get(), page.getMonth(), disputeComment.strip()))
                .ifPresent(s -> {
                    Refusal.inform(text(), "billing.disputed", s.month().toString());
                    disputeComment = null;
                });
        page.forget();
    }

    /** A platform admin drafts (or refreshes) the picked ended month of the department now. */
    public void close() {
        var caller = admin();
        var wanted = blank(closeMonth) ? page.getMonth() : closeMonth;
        Refusal.attempt(FORM + ":close-month", text(), () -> chargeback.close(caller, page.getDepartment(), wanted))
                .ifPresent(s -> Refusal.inform(
                        text(),
                        "billing.closed",
                        s.month().toString(),
                        status(s.status().name())));
        page.forget();
    }

    /** A platform admin issues the picked month's draft now. */
    public void issue() {
        var caller = admin();
        var wanted = blank(closeMonth) ? page.getMonth() : closeMonth;
        Refusal.attempt(FORM + ":close-month", text(), () -> chargeback.issue(caller, page.getDepartment(), wanted))
                .ifPresent(
                        s -> Refusal.inform(text(), "billing.issued", s.month().toString(), s.number()));
        page.forget();
    }

    /** A platform admin voids the shown issued statement, with a reason. */
    public void voidStatement() {
        var caller = admin();
        var shown = page.getDetail();
        if (blank(voidReason)) {
            Refusal.show(FORM + ":void-reason", text().getString("billing.error.voidReason"), "");
            return;
        }
        if (tooLong(voidReason, "void-reason")) {
            return;
        }
        if (shown == null || shown.number() == null) {
            Refusal.show(FORM + ":void-reason", text().getString("billing.error.notIssued"), "");
            return;
        }
        Refusal.attempt(
                        FORM + ":void-reason",
                        text(),
                        () -> chargeback.voidStatement(caller, shown.number(), voidReason))
                .ifPresent(s -> {
                    Refusal.inform(text(), "billing.voided", s.number());
                    voidReason = null;
                });
        page.forget();
    }

    /** The ended months a platform admin may close: the twelve before this one, newest first. */
    public List<String> getEndedMonths() {
        var now = chargeback.currentMonth();
        var months = new ArrayList<String>();
        for (int i = 1; i <= 12; i++) {
            months.add(now.minusMonths(i).toString());
        }
        return months;
    }

    /** A comment or reason longer than the API takes (1000 characters) is refused at its field. */
    private boolean tooLong(String text, String field) {
        if (text != null && text.strip().codePointCount(0, text.strip().length()) > MAX_TEXT) {
            Refusal.show(FORM + ":" + field, text().getString("billing.error.tooLong"), "");
            return true;
        }
        return false;
    }

    private ResourceBundle text() {
        return ResourceBundle.getBundle("org.citymaas.portal.ui.Messages", language.getLocale());
    }

    private String status(String name) {
        return text().getString("billing.status." + name);
    }

    /** The signed-in platform admin: the actions are rendered only for them, this is a second wall. */
    private Caller admin() {
        var caller = currentCaller.get();
        if (!caller.has(Role.PLATFORM_ADMIN)) {
            throw new IllegalStateException("only platform admins close, issue or void statements");
        }
        return caller;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    public String getAcceptComment() {
        return acceptComment;
    }

    public void setAcceptComment(String acceptComment) {
        this.acceptComment = acceptComment;
    }

    public String getDisputeComment() {
        return disputeComment;
    }

    public void setDisputeComment(String disputeComment) {
        this.disputeComment = disputeComment;
    }

    public String getVoidReason() {
        return voidReason;
    }

    public void setVoidReason(String voidReason) {
        this.voidReason = voidReason;
    }

    public String getCloseMonth() {
        return closeMonth;
    }

    public void setCloseMonth(String closeMonth) {
        this.closeMonth = closeMonth;
    }
}
