/**
 * The logic of drift, without the container: the in-memory counters that the governed path adds to and
 * a flush drains, the population stability index with its smoothing, and the judgement of a count
 * against a card's held-out reference.
 */
package org.citymaas.portal.drift.control;
