package org.citymaas.security.masking.corpus;

import java.util.List;
import org.citymaas.security.masking.entity.Finding;

/** A text and the PII it really holds, as spans. */
record LabelledCase(String source, String text, List<Finding> labels) {}
