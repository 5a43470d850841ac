package org.citymaas.portal.billing.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.citymaas.billing.statements.entity.CheckpointLocator;
import org.citymaas.billing.statements.entity.Statement;
import org.citymaas.portal.audit.boundary.AuditTrail;
import org.citymaas.tenant.departments.entity.TenantId;

/**
 * The audit log's side of a statement's citation: the signed checkpoint that covers the audit event
 * of a charged request. A charged request is an {@code inference.request} that ended {@code OK} (only
 * those are charged), or usage the demo data imported ({@code usage.import}); the
 * checkpoint is the first one signed at or after that event, signed now when none is yet.
 */
@ApplicationScoped
public class AuditCitations implements CheckpointLocator {

    /** The audit action and outcome pairs under which a usage event's request id is recorded. */
    static final List<String[]> CHARGED =
            List.of(new String[] {"inference.request", "OK"}, new String[] {"usage.import", "OK"});

    @Inject
    AuditTrail audit;

    @Override
    public Optional<Statement.CheckpointRef> covering(TenantId tenant, String requestId) {
        for (var charged : CHARGED) {
            var seq = audit.firstOutcomes(tenant, charged[0], charged[1], List.of(requestId))
                    .get(requestId);
            if (seq != null) {
                return audit.checkpoints()
                        .covering(seq)
                        .map(checkpoint -> new Statement.CheckpointRef(checkpoint.seq(), checkpoint.headHash()));
            }
        }
        return Optional.empty();
    }
}
