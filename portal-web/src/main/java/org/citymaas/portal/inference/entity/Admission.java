package org.citymaas.portal.inference.entity;

import org.citymaas.runtime.catalog.entity.ModelRef;
import org.citymaas.runtime.catalog.entity.ModelVersion;
import org.citymaas.runtime.inference.boundary.ValidatedRequest;
import org.citymaas.security.audit.entity.AuditEvent;
import org.citymaas.security.identity.entity.Caller;

/**
 * A governed request that was identified, authorized and validated, not yet masked or charged.
 *
 * @param caller who asks
 * @param model the model and version asked for (null version: the department's default or pinned one)
 * @param target the version that will answer
 * @param request what was asked, as read
 * @param requestId the id it runs under (the caller's, the request's own, or generated)
 * @param idMadeHere whether this server made the id (the caller sent none): a fresh random id cannot have
 *     been charged before, so its usage is not looked up
 * @param validated the request checked against the version's signature (text not yet masked)
 * @param event its audit event so far: every outcome from here on completes and records it once
 */
public record Admission(
        Caller caller,
        ModelRef model,
        ModelVersion target,
        TensorRequest request,
        String requestId,
        boolean idMadeHere,
        ValidatedRequest validated,
        AuditEvent.Builder event) {}
