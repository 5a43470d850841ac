/**
 * The runtime's public face: {@link org.citymaas.runtime.inference.boundary.ModelRuntime} takes
 * requests of any tenant for any catalog version, validates each once against its version's signature
 * ({@link org.citymaas.runtime.inference.boundary.ValidatedRequest}) and answers them through the
 * shared, tenant-fair, batching scheduler; {@link org.citymaas.runtime.inference.boundary.RuntimeConfig} sizes it. Plain
 * Java: the portal wraps it in CDI and maps the Open Inference Protocol onto it.
 */
package org.citymaas.runtime.inference.boundary;
