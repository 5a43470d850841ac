package org.citymaas.portal.models.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.citymaas.runtime.repository.entity.UploadLimits;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** What an uploaded model version may weigh ({@code citymaas.models.upload.*}, MicroProfile Config). */
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

    public UploadLimits limits() {
        return new UploadLimits(maxArchiveBytes, maxCardBytes, maxExtractedBytes, maxEntries, maxRatio);
    }
}
