package org.citymaas.tenant.errors;

import java.time.Instant;
import org.citymaas.tenant.departments.entity.TenantId;

/** The department's monthly quota for the model cannot take this request. */
public class QuotaExceededException extends TenantException {

    private final String model;
    private final Instant resetsAt;

    public QuotaExceededException(TenantId tenant, String model, String what, Instant resetsAt) {
        super("the monthly " + what + " quota of department '" + tenant + "' for model '" + model
                + "' is used up; it resets at " + resetsAt);
        this.model = model;
        this.resetsAt = resetsAt;
    }

    /** The model whose quota is used up. */
    public String model() {
        return model;
    }

    /** When the quota is full again. */
    public Instant resetsAt() {
        return resetsAt;
    }
}
