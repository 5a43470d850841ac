package org.citymaas.portal.signin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import org.citymaas.security.audit.entity.ActorType;
import org.citymaas.security.audit.entity.AuditEvent;
import org.citymaas.security.provisioning.boundary.ImportMarks;
import org.citymaas.security.provisioning.boundary.KeycloakSignInEvents;
import org.citymaas.security.provisioning.entity.SignInFailure;

/**
 * Brings Keycloak's failed sign-ins (wrong passwords, unknown users, bad client secrets) into the
 * audit log through {@link RefusedSignIns}: each is counted, the first of each window recorded one by
 * one as a {@code signin} event with outcome {@code DENIED}, naming the account when Keycloak knew it
 * (its user name, looked up by its id: what a person typed is never kept), the client and the address.
 * How far the import has come is one row that an instance holds while it imports ({@link
 * ImportMarks}), so that several instances count each failure once.
 */
@ApplicationScoped
public class KeycloakFailures {

    /** Events read per import; the timer comes back for the rest. */
    static final int PAGE = 500;

    @Inject
    ImportMarks marks;

    @Inject
    KeycloakSignInEvents keycloak;

    @Inject
    RefusedSignIns refusals;

    /** Imports the failures Keycloak recorded since the last import; the number imported. */
    @Transactional
    public int importNew() {
        var mark = marks.hold(ImportMarks.KEYCLOAK);
        var latest = mark.until();
        var idsAtLatest = new ArrayList<>(mark.idsAtUntil());
        int imported = 0;
        for (var failure : keycloak.since(mark.until(), PAGE)) {
            if (!mark.isNew(failure.time(), failure.id()) || idsAtLatest.contains(failure.id())) {
                continue;
            }
            refusals.refused("keycloak " + printable(failure.type()), failure.ipAddress(), () -> event(failure));
            imported++;
            if (failure.time().isAfter(latest)) {
                latest = failure.time();
                idsAtLatest.clear();
            }
            idsAtLatest.add(failure.id());
        }
        if (imported > 0) {
            marks.advance(ImportMarks.KEYCLOAK, latest, idsAtLatest);
        }
        return imported;
    }

    /** The account by its user name where Keycloak knew it (looked up only for recorded failures). */
    private AuditEvent event(SignInFailure failure) {
        var account = failure.userId() == null
                ? null
                : keycloak.userName(failure.userId()).orElse(null);
        return AuditEvent.builder()
                .occurredAt(failure.time())
                .actor(
                        account == null ? "unknown" : printable(account),
                        account == null ? ActorType.ANONYMOUS : ActorType.USER)
                .action("signin")
                .resource("keycloak/" + printable(failure.clientId()))
                .outcome("DENIED", null)
                .clientAddress(failure.ipAddress() == null ? null : printable(failure.ipAddress()))
                .summary(printable(failure.type()) + ": " + printable(failure.error()))
                .build();
    }

    /** Keycloak's codes and ids are ASCII; anything else is replaced rather than kept. */
    private static String printable(String value) {
        if (value == null) {
            return "-";
        }
        var kept = value.replaceAll("[^\\x21-\\x7e]", "?");
        return kept.length() > 64 ? kept.substring(0, 64) : kept;
    }
}
