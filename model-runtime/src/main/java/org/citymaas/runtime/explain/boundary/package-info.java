/**
 * Per-prediction explanations on the shared runtime: {@link org.citymaas.runtime.explain.boundary.Explainer} runs
 * the rows an explanation needs through the runtime's fair queue and batching, under the request's own share and
 * priority, and combines their outputs.
 */
package org.citymaas.runtime.explain.boundary;
