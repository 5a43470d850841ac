/**
 * Batch files as people keep them: an uploaded CSV (UTF-8, a header of the model's input names)
 * read into lines with their line numbers, refused as a whole with the column or line at fault
 * when it is not usable, a finished line's cells turned into their masked form, and the results
 * written back as CSV in the file's order; how long finished jobs are kept (the retention period and
 * its cutoff). Pure functions, no container.
 */
package org.citymaas.portal.batch.control;
