package org.citymaas.portal.batch.boundary;

import java.util.List;
import org.citymaas.portal.batch.entity.BatchLine;
import org.citymaas.portal.inference.entity.TensorRequest;
import org.citymaas.runtime.inference.boundary.ValidatedRequest;
import org.citymaas.runtime.inference.entity.Tensor;
import org.citymaas.security.audit.entity.AuditEvent;

/**
 * A line of a chunk read, validated and masked, with its audit event under way.
 *
 * @param line the line as uploaded
 * @param requestId its request id
 * @param request its request, typed by the model's inputs
 * @param validated that request as the runtime checked it
 * @param masked its inputs masked (what the runtime gets)
 * @param digest its request digest (of the masked inputs)
 * @param event its audit event
 * @param summary the masking's summary of it (structure only)
 */
record ReadyLine(
        BatchLine line,
        String requestId,
        TensorRequest request,
        ValidatedRequest validated,
        List<Tensor> masked,
        String digest,
        AuditEvent.Builder event,
        String summary) {}
