/** What the model repository takes and gives: upload limits, a stored version. */
package org.citymaas.runtime.repository.entity;
