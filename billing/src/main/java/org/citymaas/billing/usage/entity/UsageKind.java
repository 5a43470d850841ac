package org.citymaas.billing.usage.entity;

/**
 * What a metered request was: an inference ({@code /infer}, the model page, a batch line) or an
 * explanation of the answer ({@code /explain}). Price cards price them apart: requests and rows count
 * inferences, explanations count the rows explained; compute seconds count both.
 */
public enum UsageKind {
    INFER,
    EXPLAIN
}
