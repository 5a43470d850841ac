package org.citymaas.portal.models.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.citymaas.portal.models.control.HeldOutRecomputation.HeldOutLimits;
import org.citymaas.runtime.repository.entity.UploadLimits;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** What an uploaded model version and its held-out file may weigh ({@code citymaas.models.upload.*}, MicroProfile Config). */
@ApplicationScoped
public class ModelUploadSettings {

    @Inject
    @ConfigProperty(name = "citymaas.models.upload.max-archive-bytes", defaultValue = "67108864")
    long maxArchiveBytes;

    @Inject
    @ConfigProperty(name = "citymaas.models.upload.max-card-bytes", defaultValue = "262144")
    long maxCardBytes;

    @Inject
    @ConfigProperty(name = "citymaas.models.upload.max-extracted-bytes", defaultValue = "268435456")
    long maxExtractedBytes;

    @Inject
    @ConfigProperty(name = "citymaas.models.upload.max-entries", defaultValue = "1000")
    int maxEntries;

    @Inject
    @ConfigProperty(name = "citymaas.models.upload.max-ratio", defaultValue = "100")
    int maxRatio;

    @Inject
    @ConfigProperty(name = "citymaas.models.upload.max-heldout-bytes", defaultValue = "16777216")
    long maxHeldOutBytes;

    @Inject
    @ConfigProperty(name = "citymaas.models.upload.max-heldout-rows", defaultValue = "100000")
    int maxHeldOutRows;

    @Inject
    @ConfigProperty(name = "citymaas.models.fairness.require-recomputed", defaultValue = "true")
    boolean requireRecomputedFairness;

    /**
     * Whether an uploaded version is published only when the platform recomputed its fairness table on the
     * held-out file's group columns ({@code citymaas.models.fairness.require-recomputed}, default true); false:
     * the card's own table is judged when none was recomputed.
     */
    public boolean requireRecomputedFairness() {
        return requireRecomputedFairness;
    }

    /** What a held-out file sent with an upload may weigh (its rows are recomputed at upload). */
    public HeldOutLimits heldOutLimits() {
        return new HeldOutLimits(maxHeldOutBytes, maxHeldOutRows);
    }

    public UploadLimits limits() {
        return new UploadLimits(maxArchiveBytes, maxCardBytes, maxExtractedBytes, maxEntries, maxRatio);
    }
}
