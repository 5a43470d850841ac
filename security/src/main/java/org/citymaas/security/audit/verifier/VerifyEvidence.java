package org.citymaas.security.audit.verifier;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.citymaas.security.audit.control.KeyRing;
import org.citymaas.security.audit.control.SigningKey;
import org.citymaas.security.audit.entity.AuditException;

/**
 * The offline verifier command: recomputes a bundle's chain and checks its signed checkpoints against
 * the trusted keys (each checkpoint by the key its id names), optionally compares the chain with the
 * checkpoints published outside the database; checks an export of audit events (an export archive, or
 * an events file with {@code --manifest}) against its signed manifest ({@link VerifyExport}); or, with
 * {@code --signature}, checks a file (a finance export) against its detached signature. Several bundles
 * given together (retention's archives, oldest first, then the online chain) must also continue one
 * another ({@link BundleSequence}); a compliance pack is checked against its signed manifest ({@link
 * CompliancePacks}).
 */
public final class VerifyEvidence {

    public static final int OK = 0;
    public static final int BROKEN = 1;
    public static final int UNREADABLE = 2;

    private static final String USAGE = "usage: verify-audit-evidence [--trusted-key PUBLIC_KEY.pem]..."
            + " [--trusted-keys KEY_DIRECTORY]... [--published CHECKPOINT_DIRECTORY] BUNDLE.zip [NEXT_BUNDLE.zip]...\n"
            + "       verify-audit-evidence (--trusted-key PUBLIC_KEY.pem | --trusted-keys KEY_DIRECTORY)..."
            + " (EXPORT.zip | --manifest MANIFEST.json EVENTS_FILE)\n"
            + "       verify-audit-evidence [--trusted-key PUBLIC_KEY.pem | --trusted-keys KEY_DIRECTORY]..."
            + " COMPLIANCE_PACK.zip\n"
            + "       verify-audit-evidence --trusted-key PUBLIC_KEY.pem --signature FILE.sig FILE";

    private VerifyEvidence() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command; returns its exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        var trustedKeyFiles = new ArrayList<Path>();
        var trustedKeyDirectories = new ArrayList<Path>();
        Path signatureFile = null;
        Path publishedDirectory = null;
        Path manifest = null;
        Path bundle = null;
        var more = new ArrayList<Path>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--trusted-key") && i + 1 < args.length) {
                trustedKeyFiles.add(Path.of(args[++i]));
            } else if (args[i].equals("--trusted-keys") && i + 1 < args.length) {
                trustedKeyDirectories.add(Path.of(args[++i]));
            } else if (args[i].equals("--published") && i + 1 < args.length) {
                publishedDirectory = Path.of(args[++i]);
            } else if (args[i].equals("--manifest") && i + 1 < args.length) {
                manifest = Path.of(args[++i]);
            } else if (args[i].equals("--signature") && i + 1 < args.length) {
                signatureFile = Path.of(args[++i]);
            } else if (args[i].equals("--help") || args[i].equals("-h")) {
                out.println(USAGE);
                return OK;
            } else if (bundle == null && !args[i].startsWith("--")) {
                bundle = Path.of(args[i]);
            } else if (!args[i].startsWith("--")) {
                more.add(Path.of(args[i]));
            } else {
                err.println(USAGE);
                return UNREADABLE;
            }
        }
        if (bundle == null || !Files.isRegularFile(bundle)) {
            err.println(bundle == null ? USAGE : "no such file: " + bundle);
            return UNREADABLE;
        }
        if (!more.isEmpty()
                && (signatureFile != null
                        || manifest != null
                        || CompliancePacks.isPack(bundle)
                        || VerifyExport.isArchive(bundle))) {
            err.println("only evidence bundles are verified together; give any other file alone\n" + USAGE);
            return UNREADABLE;
        }
        if (signatureFile != null) {
            var key = trustedKeyFiles.isEmpty() ? null : trustedKeyFiles.get(0);
            return VerifyDetachedSignature.run(bundle, signatureFile, key, out, err);
        }
        if (CompliancePacks.isPack(bundle)) {
            return CompliancePacks.verify(bundle, trustedKeyFiles, trustedKeyDirectories, out, err);
        }
        if (manifest != null || VerifyExport.isArchive(bundle)) {
            return export(bundle, manifest, trustedKeyFiles, trustedKeyDirectories, out, err);
        }
        if (publishedDirectory != null && !Files.isDirectory(publishedDirectory)) {
            err.println("no such directory of published checkpoints: " + publishedDirectory);
            return UNREADABLE;
        }
        KeyRing keys = null;
        if (!trustedKeyFiles.isEmpty() || !trustedKeyDirectories.isEmpty()) {
            try {
                keys = trusted(trustedKeyFiles, trustedKeyDirectories);
            } catch (IOException | AuditException | UncheckedIOException e) {
                err.println("cannot read the trusted keys: " + e.getMessage());
                return UNREADABLE;
            }
        }
        if (more.isEmpty()) {
            return BundleCheck.run(bundle, keys, publishedDirectory, out, err).code();
        }
        var bundles = new ArrayList<Path>();
        bundles.add(bundle);
        bundles.addAll(more);
        return BundleSequence.run(bundles, keys, publishedDirectory, out, err);
    }

    private static int export(
            Path file,
            Path manifest,
            List<Path> keyFiles,
            List<Path> keyDirectories,
            PrintStream out,
            PrintStream err) {
        if (keyFiles.isEmpty() && keyDirectories.isEmpty()) {
            err.println("an export's manifest names the key that signed it but does not carry it:"
                    + " pass --trusted-key or --trusted-keys");
            return UNREADABLE;
        }
        KeyRing keys;
        try {
            keys = trusted(keyFiles, keyDirectories);
        } catch (IOException | AuditException | UncheckedIOException e) {
            err.println("cannot read the trusted keys: " + e.getMessage());
            return UNREADABLE;
        }
        return manifest == null
                ? VerifyExport.archive(file, keys, out, err)
                : VerifyExport.file(file, manifest, keys, out, err);
    }

    /** The keys in the files, and the audit key's history in each directory. */
    static KeyRing trusted(List<Path> files, List<Path> directories) throws IOException {
        var ring = files.isEmpty() ? null : KeyRing.read(files);
        for (var directory : directories) {
            var history = KeyRing.history(directory, SigningKey.AUDIT_KEY_NAME);
            ring = ring == null ? history : ring.with(history);
        }
        return ring;
    }
}
