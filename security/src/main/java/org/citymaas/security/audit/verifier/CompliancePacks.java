package org.citymaas.security.audit.verifier;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipFile;
import org.citymaas.security.audit.control.CanonicalForm;
import org.citymaas.security.audit.control.ChainVerifier;
import org.citymaas.security.audit.control.ComplianceFiles;
import org.citymaas.security.audit.control.EvidenceBundle;
import org.citymaas.security.audit.control.KeyRing;
import org.citymaas.security.audit.control.SigningKey;
import org.citymaas.security.audit.entity.AuditException;
import org.citymaas.security.audit.entity.CompliancePackManifest;

/**
 * The offline check of a compliance pack: its manifest is signed by a trusted key (the one its key id
 * names), every file it lists is in the pack with the listed size and SHA-256, the pack holds no other
 * file, and every checkpoint in the pack's checkpoint list verifies with the trusted keys. Run through
 * {@link VerifyEvidence}.
 */
final class CompliancePacks {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CompliancePacks() {}

    /** Whether {@code file} is a zip whose {@code manifest.json} is a compliance pack's. */
    static boolean isPack(Path file) {
        try (var zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8)) {
            var entry = zip.getEntry(CompliancePackManifest.FILE_NAME);
            if (entry == null) {
                return false;
            }
            try (var in = zip.getInputStream(entry)) {
                return CompliancePackManifest.TYPE.equals(
                        JSON.readTree(in).path("type").asText());
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Checks the pack; returns the exit code. Without trusted keys, trusts the pack's own key list (warned). */
    static int verify(Path file, List<Path> keyFiles, List<Path> keyDirectories, PrintStream out, PrintStream err) {
        try (var zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8)) {
            CompliancePackManifest manifest;
            try (var in = zip.getInputStream(zip.getEntry(CompliancePackManifest.FILE_NAME))) {
                manifest = CompliancePackManifest.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            KeyRing keys;
            if (keyFiles.isEmpty() && keyDirectories.isEmpty()) {
                var own = zip.getEntry(ComplianceFiles.PUBLIC_KEYS);
                if (own == null) {
                    err.println("cannot read " + file + ": it has no " + ComplianceFiles.PUBLIC_KEYS
                            + "; pass --trusted-key or --trusted-keys");
                    return VerifyEvidence.UNREADABLE;
                }
                try (var in = zip.getInputStream(own)) {
                    keys = KeyRing.parsePem(new String(in.readAllBytes(), StandardCharsets.US_ASCII));
                }
                err.println("warning: trusting the public keys inside the pack, key id(s) " + keys.keyIds()
                        + "; compare with the published keys or pass --trusted-key / --trusted-keys");
            } else {
                keys = VerifyEvidence.trusted(keyFiles, keyDirectories);
            }
            var problems = check(zip, manifest, keys);
            if (!problems.isEmpty()) {
                out.println("BROKEN: " + String.join("; ", problems));
                return VerifyEvidence.BROKEN;
            }
            out.println("OK: compliance pack of " + manifest.files().size() + " files made at "
                    + CanonicalForm.instant(manifest.createdAt()) + ", each as signed in the manifest by key "
                    + manifest.keyId());
            return VerifyEvidence.OK;
        } catch (IOException | AuditException | UncheckedIOException e) {
            err.println("cannot read " + file + ": " + e.getMessage());
            return VerifyEvidence.UNREADABLE;
        }
    }

    private static List<String> check(ZipFile zip, CompliancePackManifest manifest, KeyRing keys) throws IOException {
        var problems = new ArrayList<String>();
        var key = keys.find(manifest.keyId());
        if (key.isEmpty()) {
            problems.add("the manifest is signed by key " + manifest.keyId() + ", not a trusted key " + keys.keyIds());
        } else if (!SigningKey.verify(key.get(), CanonicalForm.compliancePack(manifest), manifest.signature())) {
            problems.add("the manifest's signature does not verify with the trusted key " + manifest.keyId()
                    + ": the manifest was altered or forged");
        }
        var listed = new HashSet<String>();
        for (var f : manifest.files()) {
            listed.add(f.name());
            var entry = zip.getEntry(f.name());
            if (entry == null) {
                problems.add(f.name() + " is listed in the manifest but missing from the pack");
                continue;
            }
            var digest = sha256();
            long size;
            try (var in = new DigestInputStream(zip.getInputStream(entry), digest)) {
                size = in.transferTo(OutputStream.nullOutputStream());
            }
            var actual = HexFormat.of().formatHex(digest.digest());
            if (!actual.equals(f.sha256()) || size != f.bytes()) {
                problems.add(f.name() + " was changed: its SHA-256 is " + actual + " (" + size
                        + " bytes), the manifest's " + f.sha256() + " (" + f.bytes() + " bytes)");
            }
        }
        for (var entry : Collections.list(zip.entries())) {
            if (!entry.getName().equals(CompliancePackManifest.FILE_NAME) && !listed.contains(entry.getName())) {
                problems.add(entry.getName() + " is in the pack but not in the manifest");
            }
        }
        if (problems.isEmpty() && listed.contains(ComplianceFiles.CHECKPOINTS)) {
            var forged = checkpointForgery(zip, keys);
            if (forged != null) {
                problems.add(ComplianceFiles.CHECKPOINTS + ": " + forged);
            }
        }
        return problems;
    }

    /** Why a checkpoint of the list does not verify with the trusted keys, if one does not. */
    private static String checkpointForgery(ZipFile zip, KeyRing keys) throws IOException {
        var verifier = new ChainVerifier(keys);
        try (var in = zip.getInputStream(zip.getEntry(ComplianceFiles.CHECKPOINTS))) {
            for (var c : EvidenceBundle.readCheckpoints(in)) {
                var forged = verifier.forgery(c);
                if (forged.isPresent()) {
                    return forged.get().toString();
                }
            }
        }
        return null;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
