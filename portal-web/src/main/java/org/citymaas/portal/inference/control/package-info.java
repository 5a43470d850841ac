/**
 * The Open Inference Protocol (v2) wire format: JSON requests to the runtime's named tensors and
 * results back to JSON, naming the field at fault for anything malformed, and the digest that tells a retry of a request
 * from another request under the same id. Pure functions, no container.
 */
package org.citymaas.portal.inference.control;
