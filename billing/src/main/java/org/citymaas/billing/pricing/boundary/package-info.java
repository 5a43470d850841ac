/**
 * The price cards' public face: {@code PriceCards}, a CDI bean on the container's data source that
 * stores effective-dated cards (insert-only) and hands out the price book.
 */
package org.citymaas.billing.pricing.boundary;
