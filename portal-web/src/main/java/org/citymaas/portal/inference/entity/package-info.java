/**
 * The governed inference use case's values: what a caller asks ({@code TensorRequest}: typed input
 * tensors, the outputs wanted, its own id) and what it gets ({@code InferenceOutcome}), whatever
 * the channel (the v2 API, the model page's form, a batch line), and an output as people read it
 * ({@code ReadableOutput}). No wire format here.
 */
package org.citymaas.portal.inference.entity;
