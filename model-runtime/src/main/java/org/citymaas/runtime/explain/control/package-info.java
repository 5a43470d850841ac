/**
 * How explanations are computed: exact Shapley values over coalitions of a tabular model's inputs against a
 * baseline point, and occlusion of a text's tokens; the rows to run and how their outputs combine, without the
 * runtime.
 */
package org.citymaas.runtime.explain.control;
