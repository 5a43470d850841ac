package org.citymaas.security.masking.control;

import org.citymaas.security.masking.entity.ReIdentificationEvent;

/**
 * Where re-identification attempts are recorded; the portal connects it to the audit log. It is
 * called before a revealed value is returned, and if it throws, the value is not returned.
 */
public interface ReIdentificationAudit {

    void record(ReIdentificationEvent event);
}
