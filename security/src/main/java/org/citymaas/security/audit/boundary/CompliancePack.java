package org.citymaas.security.audit.boundary;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import org.citymaas.security.audit.control.CanonicalForm;
import org.citymaas.security.audit.control.ChainReader;
import org.citymaas.security.audit.control.ChainStart;
import org.citymaas.security.audit.control.ComplianceFiles;
import org.citymaas.security.audit.control.ExportWriter;
import org.citymaas.security.audit.control.RetentionScan;
import org.citymaas.security.audit.control.Snapshot;
import org.citymaas.security.audit.entity.AuditException;
import org.citymaas.security.audit.entity.Checkpoint;
import org.citymaas.security.audit.entity.CompliancePackManifest;
import org.citymaas.security.audit.entity.RetentionPolicy;
import org.citymaas.security.audit.entity.RetentionRemoval;

/**
 * The compliance pack: one zip that maps the audit record to the security audit requirements of GB/T
 * 22239-2019 (MLPS 2.0) level 3, in Chinese and English ({@value ComplianceFiles#MAPPING}), with the
 * evidence it cites: the verdict on the whole online chain ({@value ComplianceFiles#VERIFICATION}), the
 * retention settings and removals ({@value ComplianceFiles#RETENTION}), every signed checkpoint
 * ({@value ComplianceFiles#CHECKPOINTS}), the audit key's history ({@value ComplianceFiles#PUBLIC_KEYS}),
 * and last {@value CompliancePackManifest#FILE_NAME}: each file's size and SHA-256, signed with the audit
 * key, which the offline verifier checks. The caller audits the download.
 */
public class CompliancePack {

    private final DataSource dataSource;
    private final AuditCheckpoints signer;
    private final AuditEvidence evidence;

    /** Reads the chain through the data source; verifies, and signs the manifest, with the signer's keys. */
    public CompliancePack(DataSource dataSource, AuditCheckpoints signer) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.signer = Objects.requireNonNull(signer, "signer");
        this.evidence = new AuditEvidence(dataSource, signer);
    }

    /**
     * Verifies the whole online chain and writes the pack to {@code out} (not closed); returns its signed
     * manifest. The chain is verified first, then the checkpoints and retention facts are read in one
     * snapshot, so the checkpoint list may name checkpoints signed after the verification.
     */
    public CompliancePackManifest write(Instant now, RetentionPolicy policy, OutputStream out) {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(policy, "policy");
        var verdict = evidence.verifyAll();
        var published = signer.sink().flatMap(CheckpointSink::latest);
        var facts = Snapshot.read(
                dataSource,
                connection -> new Facts(
                        ChainStart.read(connection),
                        ChainReader.checkpoints(connection, 1, Long.MAX_VALUE),
                        RetentionScan.removals(connection),
                        ComplianceFiles.actionCategories(connection)));
        var ring = signer.keyRing();
        var key = signer.key();
        var files = new LinkedHashMap<String, byte[]>();
        files.put(
                ComplianceFiles.MAPPING,
                ComplianceFiles.mapping(Map.of(
                        "createdAt", CanonicalForm.instant(now),
                        "chain", verdict.toString(),
                        "checkpoints", describe(facts.checkpoints()),
                        "keyIds", String.join(", ", ring.keyIds()),
                        "retention", policy + " (days; " + RetentionPolicy.MINIMUM_DAYS + " at least)")));
        files.put(
                ComplianceFiles.VERIFICATION,
                ComplianceFiles.verification(
                        verdict, now, facts.start(), published, ring.keyIds(), facts.categories()));
        files.put(ComplianceFiles.RETENTION, ComplianceFiles.retention(policy, facts.start(), facts.removals()));
        files.put(ComplianceFiles.CHECKPOINTS, ComplianceFiles.checkpoints(facts.checkpoints()));
        files.put(ComplianceFiles.PUBLIC_KEYS, ring.pem().getBytes(StandardCharsets.US_ASCII));
        try {
            var zip = new ZipOutputStream(new ExportWriter.KeptOpen(out), StandardCharsets.UTF_8);
            zip.setLevel(Deflater.BEST_SPEED);
            var listed = new ArrayList<CompliancePackManifest.PackFile>();
            for (var file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
                listed.add(new CompliancePackManifest.PackFile(
                        file.getKey(), file.getValue().length, sha256(file.getValue())));
            }
            var unsigned = new CompliancePackManifest(now, listed, key.keyId(), "");
            var manifest = unsigned.signed(key.sign(CanonicalForm.compliancePack(unsigned)));
            zip.putNextEntry(new ZipEntry(CompliancePackManifest.FILE_NAME));
            zip.write(manifest.toJson().getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.finish();
            zip.flush();
            return manifest;
        } catch (IOException e) {
            throw new AuditException("could not write the compliance pack: " + e.getMessage(), e);
        }
    }

    private record Facts(
            ChainStart start, List<Checkpoint> checkpoints, List<RetentionRemoval> removals, ObjectNode categories) {}

    private static String describe(List<Checkpoint> checkpoints) {
        if (checkpoints.isEmpty()) {
            return "none yet";
        }
        var last = checkpoints.get(checkpoints.size() - 1);
        return checkpoints.size() + ", the latest at seq " + last.seq() + " signed at "
                + CanonicalForm.instant(last.signedAt()) + " by key " + last.keyId();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
