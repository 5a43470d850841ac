/**
 * The masking engine in plain Java: the recognizers (one per PII type, each validating what it
 * finds: GB 11643, Luhn, GB 32100, number plans), the one-pass {@link
 * org.citymaas.security.masking.control.PiiScanner} that runs them, and the operators (partial
 * mask, redaction, keyed pseudonymization, AES-GCM encryption) that {@link
 * org.citymaas.security.masking.control.TextMasker} (free text) and {@link
 * org.citymaas.security.masking.control.ValueMasker} (a value as a whole) apply. No container is needed here: the CDI
 * boundary and the command line are thin layers over these classes. Person names are the one type
 * that needs a lexicon: HanLP (portable, dictionaries inside its jar) is used here and nowhere else,
 * only through {@link org.citymaas.security.masking.control.NameLexicon} and {@code NameWindows}.
 */
package org.citymaas.security.masking.control;
