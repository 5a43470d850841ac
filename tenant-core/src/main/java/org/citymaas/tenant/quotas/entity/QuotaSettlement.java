package org.citymaas.tenant.quotas.entity;

import java.util.Objects;

/**
 * A reservation to settle, at the rows really processed.
 *
 * @param reservation the reservation
 * @param rows the rows processed (at most the rows reserved)
 */
public record QuotaSettlement(Reservation reservation, long rows) {

    public QuotaSettlement {
        Objects.requireNonNull(reservation, "reservation");
        if (rows < 0 || rows > reservation.rows()) {
            throw new IllegalArgumentException(
                    "settled rows must be between 0 and the " + reservation.rows() + " reserved");
        }
    }
}
