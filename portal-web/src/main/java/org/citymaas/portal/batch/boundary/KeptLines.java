package org.citymaas.portal.batch.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.citymaas.portal.batch.control.LineMasking;
import org.citymaas.portal.batch.entity.BatchJob;
import org.citymaas.portal.batch.entity.BatchLine;
import org.citymaas.portal.inference.boundary.InputMasking;
import org.citymaas.runtime.catalog.entity.ModelCard;

/**
 * A finished line as it is kept: its cells masked by the same {@link InputMasking} the inference uses
 * (whatever the outcome), or emptied where they cannot be (never raw).
 */
@ApplicationScoped
public class KeptLines {

    private static final Logger LOG = Logger.getLogger(KeptLines.class.getName());

    @Inject
    InputMasking masking;

    /** The finished line as kept: masked by the card, or without input where it cannot be. */
    public BatchLine masked(BatchJob job, Optional<ModelCard> card, BatchLine line) {
        if (card.isEmpty()) {
            return LineMasking.emptied(line);
        }
        try {
            var masked = masking.mask(job.tenant(), card.get(), LineMasking.tensors(line));
            return LineMasking.masked(line, masked.inputs());
        } catch (RuntimeException e) {
            // the class only: a masking failure's message may quote the text it failed on
            LOG.log(
                    Level.WARNING,
                    "batch {0} line {1} could not be masked ({2}); kept without its input",
                    new Object[] {job.id(), line.line(), e.getClass().getName()});
            return LineMasking.emptied(line);
        }
    }
}
