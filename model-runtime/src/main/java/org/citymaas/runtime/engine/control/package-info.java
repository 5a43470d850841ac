/**
 * The seam to the inference engine: the only package that imports {@code ai.djl}. A loaded model hands
 * out runners (one each per worker thread, used by one thread at a time) that run a batch of named tensors
 * through the SavedModel's {@code serving_default} signature: by default with TensorFlow's session called
 * directly ({@code SessionRunner}), or through a DJL {@code Predictor} ({@code TensorFlowEngine.loadPredictor},
 * the reference the session's outputs are checked against).
 */
package org.citymaas.runtime.engine.control;
