/**
 * The governed inference use case's values: what a caller asks ({@code TensorRequest}: typed input
 * tensors, the outputs wanted, its own id) and what it gets ({@code InferenceOutcome}; with the
 * attribution of the answer, {@code ExplanationOutcome}), whatever the channel (the v2 API, the model
 * page's form, a batch line), an output as people read it ({@code ReadableOutput}), and the governed
 * path's stages of one request ({@code Admission}, {@code Charge}, {@code Completion}). No wire format here.
 */
package org.citymaas.portal.inference.entity;
