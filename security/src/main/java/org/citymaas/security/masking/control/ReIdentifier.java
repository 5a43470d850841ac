package org.citymaas.security.masking.control;

import java.time.Clock;
import java.util.Set;
import org.citymaas.security.masking.entity.InvalidTokenException;
import org.citymaas.security.masking.entity.PiiType;
import org.citymaas.security.masking.entity.ReIdentificationDeniedException;
import org.citymaas.security.masking.entity.ReIdentificationEvent;

/**
 * Opens an encrypted token for an authorized caller who gives a reason, after the audit sink has
 * recorded it. Every attempt is recorded, refused ones too; without a sink nothing is opened.
 */
public final class ReIdentifier {

    private final FieldCipher cipher;
    private final Set<String> allowedRoles;
    private final ReIdentificationAudit audit;
    private final Clock clock;

    public ReIdentifier(FieldCipher cipher, Set<String> allowedRoles, ReIdentificationAudit audit, Clock clock) {
        this.cipher = cipher;
        this.allowedRoles = Set.copyOf(allowedRoles);
        this.audit = audit;
        this.clock = clock;
    }

    public String reIdentify(String department, String token, String caller, Set<String> roles, String reason) {
        if (audit == null) {
            throw new ReIdentificationDeniedException("re-identification is disabled: no audit sink is configured");
        }
        var callerRoles = roles == null ? Set.<String>of() : roles;
        PiiType type;
        try {
            type = FieldCipher.typeOf(token);
        } catch (InvalidTokenException e) {
            record(department, caller, callerRoles, reason, null, false, "invalid token");
            throw e;
        }
        if (reason == null || reason.isBlank()) {
            record(department, caller, callerRoles, reason, type, false, "no reason given");
            throw new ReIdentificationDeniedException("re-identification needs a reason");
        }
        if (callerRoles.stream().noneMatch(allowedRoles::contains)) {
            record(department, caller, callerRoles, reason, type, false, "role not allowed");
            throw new ReIdentificationDeniedException(
                    "re-identification needs one of the roles " + allowedRoles + "; the caller has " + callerRoles);
        }
        String value;
        try {
            value = cipher.decrypt(department, token);
        } catch (InvalidTokenException e) {
            record(department, caller, callerRoles, reason, type, false, "token does not open");
            throw e;
        }
        record(department, caller, callerRoles, reason, type, true, "revealed");
        return value;
    }

    private void record(
            String department,
            String caller,
            Set<String> roles,
            String reason,
            PiiType type,
            boolean granted,
            String outcome) {
        audit.record(new ReIdentificationEvent(
                clock.instant(),
                department,
                caller,
                roles,
                reason == null ? "" : reason.strip(),
                type,
                granted,
                outcome));
    }
}
