package org.citymaas.portal.inference.entity;

import java.util.UUID;

/**
 * The id a governed request runs under: the caller's ({@code X-Request-Id}), else the request's own
 * ({@code id} of the body), else one this server makes (a random UUID, which no earlier request can have
 * been charged under: its usage is not looked up).
 *
 * @param id the request id
 * @param madeHere whether this server made it
 */
public record ChosenRequestId(String id, boolean madeHere) {

    public static ChosenRequestId of(String header, TensorRequest request) {
        if (header != null) {
            return new ChosenRequestId(header, false);
        }
        return request.id()
                .map(own -> new ChosenRequestId(own, false))
                .orElseGet(() -> new ChosenRequestId(UUID.randomUUID().toString(), true));
    }
}
