/**
 * The masking vocabulary: the PII types the engine recognizes, what it found (a {@link
 * org.citymaas.security.masking.entity.Finding} is a type and a span of the input) and the operators a
 * policy can choose. Which field of a request gets which treatment is not said here: the model card
 * says it, and the portal reads it there. Plain values with no behaviour
 * beyond guarding their own invariants, so that the control layer, the CDI boundary and the command
 * line share them.
 */
package org.citymaas.security.masking.entity;
