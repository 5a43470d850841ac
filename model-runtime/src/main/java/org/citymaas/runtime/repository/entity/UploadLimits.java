package org.citymaas.runtime.repository.entity;

/**
 * What an uploaded model version may weigh.
 *
 * @param maxArchiveBytes the SavedModel zip as uploaded
 * @param maxCardBytes the model card JSON
 * @param maxUncompressedBytes all files of the archive together, once extracted
 * @param maxEntries entries of the archive (files and folders)
 * @param maxRatio uncompressed to compressed bytes, per entry and for the whole archive (past 1 MiB)
 */
public record UploadLimits(
        long maxArchiveBytes, long maxCardBytes, long maxUncompressedBytes, int maxEntries, int maxRatio) {

    public UploadLimits {
        if (maxArchiveBytes <= 0
                || maxCardBytes <= 0
                || maxUncompressedBytes <= 0
                || maxEntries <= 0
                || maxRatio <= 0) {
            throw new IllegalArgumentException("upload limits are positive");
        }
    }

    /** 64 MiB archives, 256 KiB cards, 256 MiB extracted, 1,000 entries, a ratio of 100. */
    public static UploadLimits defaults() {
        return new UploadLimits(64L << 20, 256L << 10, 256L << 20, 1_000, 100);
    }
}
