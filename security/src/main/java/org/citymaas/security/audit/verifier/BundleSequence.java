package org.citymaas.security.audit.verifier;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.citymaas.security.audit.control.KeyRing;

/**
 * Verifies several evidence bundles that together should be one chain, oldest first: retention's
 * archives ({@code audit-events-<from>-<to>.zip}) followed by a bundle of the online chain. Each bundle
 * is verified on its own ({@link BundleCheck}), and each must begin where the one before it ended: its
 * first event at the next seq, linked to the hash of the other's last event (which is the head hash of
 * the checkpoint signed there, since an archive ends at a signed checkpoint).
 */
final class BundleSequence {

    private BundleSequence() {}

    static int run(List<Path> bundles, KeyRing keys, Path publishedDirectory, PrintStream out, PrintStream err) {
        BundleCheck.Result previous = null;
        Path previousFile = null;
        long first = 0;
        for (var bundle : bundles) {
            out.println(bundle.getFileName() + ":");
            var result = BundleCheck.run(bundle, keys, publishedDirectory, out, err);
            if (result.code() != VerifyEvidence.OK) {
                return result.code();
            }
            if (previous == null) {
                first = result.fromSeq();
            } else if (result.fromSeq() != previous.lastSeq() + 1
                    || !previous.lastHash().equals(result.anchorHash())) {
                out.println("BROKEN: " + bundle.getFileName() + " does not continue " + previousFile.getFileName()
                        + ": it starts at seq " + result.fromSeq() + " linked to " + result.anchorHash()
                        + ", the other ends at seq " + previous.lastSeq() + " with hash " + previous.lastHash());
                return VerifyEvidence.BROKEN;
            }
            previous = result;
            previousFile = bundle;
        }
        out.println("OK: the " + bundles.size() + " bundles are one unbroken chain, seq " + first + ".."
                + previous.lastSeq()
                + (first == 1
                        ? " from the start"
                        : "; it does not start at seq 1: the bundles" + " before seq " + first + " were not given"));
        return VerifyEvidence.OK;
    }
}
