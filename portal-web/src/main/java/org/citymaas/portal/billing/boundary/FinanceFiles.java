package org.citymaas.portal.billing.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import org.citymaas.billing.exports.boundary.CostExports;
import org.citymaas.billing.exports.entity.ExportKind;
import org.citymaas.billing.statements.boundary.Statements;
import org.citymaas.portal.audit.boundary.AuditTrail;
import org.citymaas.portal.errors.InvalidParameterException;
import org.citymaas.portal.exports.control.FinanceExports;
import org.citymaas.portal.usage.control.ReportMonth;
import org.citymaas.security.identity.entity.Caller;

/**
 * A month's files for the city's finance system: the FOCUS-shaped cost and usage CSV and JSON Lines,
 * and the journal CSV, each with its detached Ed25519 signature once every department's statement of
 * the month is issued (a preview without signatures before). Each download is audited.
 */
@ApplicationScoped
public class FinanceFiles {

    @Inject
    Statements statements;

    @Inject
    FinanceExports exports;

    @Inject
    AuditTrail audit;

    private final CostExports costs = new CostExports();
    private final Clock clock = Clock.systemUTC();

    /** The month's files: final and signed when every statement is issued, else a preview when asked for. */
    public List<FinanceExports.ExportFile> files(String month, boolean preview) {
        var wanted = ReportMonth.parse(month, ReportMonth.current(clock)).month();
        if (!wanted.isBefore(ReportMonth.current(clock).month())) {
            throw new InvalidParameterException("month", wanted + " has not ended yet (Asia/Shanghai)");
        }
        var kind = preview ? ExportKind.PREVIEW : ExportKind.FINAL;
        return exports.files(costs.export(wanted, kind, statements.ofMonth(wanted)));
    }

    /**
     * One of the month's files, by name.
     *
     * @throws InvalidParameterException no file of that name
     */
    public FinanceExports.ExportFile file(Caller caller, String month, String name) {
        var preview = name != null && name.contains("-preview");
        var file = files(month, preview).stream()
                .filter(f -> f.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new InvalidParameterException("file", "the month has no file named " + name));
        audit.record(AuditTrail.by(caller)
                .action("billing.export")
                .resource(AuditTrail.resourcePath("billing/exports/" + month + "/" + name))
                .outcome("OK", 200)
                .summary(file.bytes().length + " bytes")
                .build());
        return file;
    }

    /** The public key that verifies the files' signatures, PEM. */
    public String publicKeyPem() {
        return exports.publicKeyPem();
    }
}
