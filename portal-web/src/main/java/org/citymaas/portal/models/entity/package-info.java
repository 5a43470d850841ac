/** A model version's lifecycle state and record, and its metrics as recomputed on a held-out file. */
package org.citymaas.portal.models.entity;
