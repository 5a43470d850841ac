package org.citymaas.security.audit.entity;

/**
 * What an evidence bundle for a range of events holds: the range asked for, widened on both sides to
 * signed checkpoints so that every event in it is tied to a signature. It starts after the latest
 * checkpoint before the range (whose signed head hash the first event links to; from seq 1 when there is
 * none, linking to the genesis hash) and ends at the first checkpoint at or after the range's end (at
 * the chain head when none is signed yet: the range's tail is then not covered).
 *
 * @param anchorCheckpointSeq the checkpoint the bundle's first event links to, null when it starts at seq 1
 * @param coveringCheckpointSeq the checkpoint that covers the range's last event, null when none does yet
 * @param events the events in the bundle (from {@code fromSeq} to {@code toSeq})
 */
public record EvidenceRange(
        long requestedFromSeq,
        long requestedToSeq,
        long fromSeq,
        long toSeq,
        Long anchorCheckpointSeq,
        Long coveringCheckpointSeq,
        long events) {

    /** Whether a signed checkpoint covers the last event asked for. */
    public boolean covered() {
        return coveringCheckpointSeq != null;
    }
}
