package org.citymaas.security.audit.verifier;

import java.util.List;
import java.util.Optional;
import org.citymaas.security.audit.control.EvidenceBundle;
import org.citymaas.security.audit.entity.Checkpoint;
import org.citymaas.security.audit.entity.Verification;

/**
 * What the verifier adds for a bundle of a range ({@code AuditEvidence.exportRange}): that its first
 * event links to the head hash of the signed checkpoint it names as its anchor (whose signature the
 * chain verifier checks with the others), and whether the range asked for is all there and covered by a
 * signed checkpoint.
 */
final class RangeBundles {

    private RangeBundles() {}

    /** What the range check says, and whether the range asked for is all in the verified chain. */
    record Described(String text, boolean complete) {}

    /** Why the bundle's anchor is not the signed checkpoint it names, if it is not. */
    static Optional<String> anchorProblem(EvidenceBundle.Reader reader, List<Checkpoint> checkpoints) {
        var anchorSeq = reader.rangeFact("anchorCheckpointSeq");
        if (anchorSeq.isEmpty()) {
            return Optional.empty();
        }
        long seq = anchorSeq.getAsLong();
        var anchor = checkpoints.stream().filter(c -> c.seq() == seq).findFirst();
        if (anchor.isEmpty()) {
            return Optional.of("the bundle names the checkpoint at seq " + seq + " as its anchor but does not hold it");
        }
        if (reader.fromSeq() != seq + 1 || !anchor.get().headHash().equals(reader.anchorHash())) {
            return Optional.of("the bundle's first event (seq " + reader.fromSeq() + ") is not anchored at the head"
                    + " hash signed at seq " + seq);
        }
        return Optional.empty();
    }

    /** For a range bundle, what the verified chain says about the range asked for. */
    static Optional<Described> describe(EvidenceBundle.Reader reader, Verification verdict) {
        var from = reader.rangeFact("requestedFromSeq");
        var to = reader.rangeFact("requestedToSeq");
        if (from.isEmpty() || to.isEmpty()) {
            return Optional.empty();
        }
        var archived = reader.rangeFact("archivedThroughSeq");
        long askedFrom = from.getAsLong();
        var removed = "";
        if (archived.isPresent() && archived.getAsLong() >= askedFrom) {
            removed = "; seq " + askedFrom + ".." + archived.getAsLong() + " were removed from the database by"
                    + " retention and are in its archived bundles";
            askedFrom = archived.getAsLong() + 1;
        }
        var asked = "the events seq " + askedFrom + ".." + to.getAsLong() + " asked for";
        if (verdict.fromSeq() > askedFrom || verdict.lastSeq() < to.getAsLong()) {
            return Optional.of(new Described(
                    "BROKEN: " + asked + " are not all in the verified chain (seq " + verdict.fromSeq() + ".."
                            + verdict.lastSeq() + ")",
                    false));
        }
        var anchor = reader.rangeFact("anchorCheckpointSeq");
        var covering = reader.rangeFact("coveringCheckpointSeq");
        var text = asked + " are anchored at "
                + (anchor.isPresent() ? "the checkpoint signed at seq " + anchor.getAsLong() : "the start of the chain")
                + (covering.isPresent()
                        ? " and covered by the checkpoint signed at seq " + covering.getAsLong()
                        : "; no signed checkpoint covers them yet: the events after the last one rest on the"
                                + " database alone")
                + removed;
        return Optional.of(new Described(text, true));
    }
}
