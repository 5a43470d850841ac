package org.citymaas.portal.metrics.entity;

/**
 * One model and department's governed requests since the instance started.
 *
 * @param model a catalog model name ({@code unknown} for a name the catalog does not hold)
 * @param department a department id ({@code none} for a caller without one)
 * @param ok answered requests
 * @param refused refused requests (4xx), quota refusals included
 * @param failed failed requests (5xx)
 * @param quotaRefusals requests refused because the quota was spent (429)
 * @param latency the answered requests' latency
 */
public record RequestFigures(
        String model, String department, long ok, long refused, long failed, long quotaRefusals, Latency latency) {}
