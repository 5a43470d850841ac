/**
 * The portal's one model catalog and inference runtime (model-runtime), produced for CDI and closed
 * when the application stops. Settings through MicroProfile Config: {@code
 * citymaas.runtime.catalog-cache} (where the catalog's SavedModels are unpacked) and the JVM's DJL
 * settings ({@code ai.djl.offline}, {@code org.bytedeco.javacpp.cachedir}, {@code DJL_CACHE_DIR}).
 */
package org.citymaas.portal.runtime;
