/**
 * The masking vocabulary: the PII types the engine recognizes, what it found (a {@link
 * org.citymaas.security.masking.entity.Finding} is a type and a span of the input), the operators a
 * policy can choose and the field sensitivities of a model schema. Plain values with no behaviour
 * beyond guarding their own invariants, so that the control layer, the CDI boundary and the command
 * line share them.
 */
package org.citymaas.security.masking.entity;
