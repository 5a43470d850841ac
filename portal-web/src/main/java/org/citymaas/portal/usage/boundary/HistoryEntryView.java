package org.citymaas.portal.usage.boundary;

import java.math.BigDecimal;

/**
 * One of the caller's own requests (an inference or an explanation), as the audit log kept it (masked content only, and
 * none of it here) with what was charged for it.
 *
 * @param time when, in Asia/Shanghai (ISO-8601 with offset)
 * @param kind {@code infer} ({@code /infer}, the model page's Run, a batch line) or {@code explain}
 *     ({@code /explain}, the model page's Explain, an explained batch line)
 * @param model the model asked for
 * @param version the version that answered (or that was asked for), null when unknown
 * @param requestId the request id, null when the request was refused before it had one
 * @param outcome OK, REJECTED, DENIED or FAILED
 * @param status the HTTP status answered
 * @param rows the rows charged, null when nothing was charged
 * @param computeMs the compute time charged, null when nothing was charged
 */
public record HistoryEntryView(
        String time,
        String kind,
        String model,
        String version,
        String requestId,
        String outcome,
        Integer status,
        Integer rows,
        BigDecimal computeMs) {}
