/**
 * Batch scoring, the boundary: the API and the use case (submit a CSV file for a subscribed model,
 * follow it, fetch its results), the store of jobs and lines, and the runner that sends each line
 * through the governed inference use case on the container's managed executor and resumes
 * unfinished jobs at start; and the retention (a timer and an admin endpoint) that deletes the lines
 * of jobs finished long ago, audited.
 */
package org.citymaas.portal.batch.boundary;
