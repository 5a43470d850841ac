package org.citymaas.portal.ui;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.citymaas.portal.errors.UnknownModelException;
import org.citymaas.portal.inference.boundary.Inferences;
import org.citymaas.portal.signin.CurrentCaller;
import org.citymaas.portal.subscriptions.boundary.QuotaView;
import org.citymaas.portal.subscriptions.boundary.Subscriptions;
import org.citymaas.runtime.catalog.entity.ModelRef;
import org.citymaas.security.identity.entity.Caller;
import org.citymaas.tenant.errors.NotSubscribedException;

/** The staff's model catalog: a card for each model the department subscribes to, and only those. */
@Named
@RequestScoped
public class CatalogPage {

    @Inject
    CurrentCaller currentCaller;

    @Inject
    Subscriptions subscriptions;

    @Inject
    Inferences inferences;

    @Inject
    Language language;

    private List<ModelCardView> cards;

    public List<ModelCardView> getCards() {
        if (cards == null) {
            cards = cards(currentCaller.get());
        }
        return cards;
    }

    private List<ModelCardView> cards(Caller caller) {
        var department = caller.department();
        if (department.isEmpty()) {
            return List.of();
        }
        var result = new ArrayList<ModelCardView>();
        for (var quota : subscriptions.quotas(department.get())) {
            card(inferences, caller, quota.model(), quota, language).ifPresent(result::add);
        }
        return result;
    }

    /**
     * The card of a model the caller's department may run, with its quota, its text in the person's
     * language; empty for any other name.
     */
    static Optional<ModelCardView> card(
            Inferences inferences, Caller caller, String model, QuotaView quota, Language language) {
        try {
            var version = inferences.authorize(caller, ModelRef.of(model));
            return Optional.of(new ModelCardView(version.card(), quota, language.cardLanguage()));
        } catch (NotSubscribedException | UnknownModelException e) {
            return Optional.empty();
        }
    }
}
