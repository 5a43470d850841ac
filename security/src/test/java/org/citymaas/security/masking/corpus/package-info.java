/**
 * The labelled corpus that measures the masking engine: a seeded generator of complaint-style
 * sentences holding valid PII of every type next to look-alikes, the hand-written edge cases in
 * {@code masking/edge-cases.jsonl}, and the precision/recall test and benchmark that read them.
 */
package org.citymaas.security.masking.corpus;
