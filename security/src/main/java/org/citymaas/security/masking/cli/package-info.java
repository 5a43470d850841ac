/**
 * The masking command line for batch use: JSON lines {@code {"text": "..."}} in on standard input,
 * one JSON line {@code {"masked": "...", "findings": [...]}} out per input line, in order. Shipped
 * as the self-contained {@code citymaas-mask.jar}.
 */
package org.citymaas.security.masking.cli;
