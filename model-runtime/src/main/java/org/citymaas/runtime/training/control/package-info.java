/**
 * How the catalog models are made: seeded generators of city-like data (daily and weekly cycles,
 * weather, holidays, noise), a small multi-layer perceptron trained with TensorFlow's Java API (the
 * classes DJL bundles) and exported as a SavedModel with its feature scaling inside, and the held-out
 * evaluation against a naive baseline that the model cards record and the tests re-check.
 */
package org.citymaas.runtime.training.control;
