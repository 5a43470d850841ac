package org.citymaas.portal.ui;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.citymaas.portal.signin.CurrentCaller;
import org.citymaas.portal.usage.boundary.RequestHistory;

/** "My history": the person's own newest requests and explanations, every outcome, newest first. */
@Named
@RequestScoped
public class HistoryPage {

    @Inject
    RequestHistory history;

    @Inject
    CurrentCaller currentCaller;

    private List<HistoryRow> rows;

    public List<HistoryRow> getRows() {
        if (rows == null) {
            rows = history.recent(currentCaller.get(), null).stream()
                    .map(HistoryRow::new)
                    .toList();
        }
        return rows;
    }
}
