/**
 * The seam to the inference engine: the only package that imports {@code ai.djl}. A loaded model hands
 * out runners (one DJL {@code Predictor} each, used by one worker thread at a time) that run a batch of
 * named tensors through the SavedModel's {@code serving_default} signature.
 */
package org.citymaas.runtime.engine.control;
