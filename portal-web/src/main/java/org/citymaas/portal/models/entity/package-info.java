/** A model version's lifecycle state and record. */
package org.citymaas.portal.models.entity;
