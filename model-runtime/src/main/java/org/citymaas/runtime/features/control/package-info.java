/**
 * Featurization done in Java before a model, shared by the trainers and the serving path so that a
 * model sees at serving time exactly the features it was trained on.
 */
package org.citymaas.runtime.features.control;
