package org.citymaas.portal.inference.entity;

import org.citymaas.runtime.catalog.entity.ExplanationSpec;
import org.citymaas.runtime.explain.entity.Explanation;

/**
 * The answer to one governed explanation request: the outputs as an inference of the same rows gives
 * them, and the attribution of the explained output, row by row.
 *
 * @param answer the outputs, request id, version and compute, as {@code /infer} answers
 * @param explanation per row: the prediction, the baseline and each feature's (or token's) share
 * @param spec how the version is explained (method, baseline, tolerance), from its model card
 */
public record ExplanationOutcome(InferenceOutcome answer, Explanation explanation, ExplanationSpec spec) {}
