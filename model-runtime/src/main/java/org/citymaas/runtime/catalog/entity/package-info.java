/**
 * What the catalog knows about a model version: its reference, its model card (owner, intended use,
 * input and output schema with units, ranges and sensitivity, held-out metrics against a naive baseline,
 * training data, risk) and where its TensorFlow SavedModel lies.
 */
package org.citymaas.runtime.catalog.entity;
