package org.citymaas.runtime.catalog.entity;

/**
 * Text featurization done in Java before the model, identically when training and serving: hashed
 * character n-grams of the text, L2-normalized.
 *
 * @param input the BYTES schema field holding the text
 * @param output the FP32 SavedModel input receiving the features
 * @param dimensions number of hash buckets
 * @param maxNgram longest character n-gram
 */
public record TextFeatures(String input, String output, int dimensions, int maxNgram) {}
