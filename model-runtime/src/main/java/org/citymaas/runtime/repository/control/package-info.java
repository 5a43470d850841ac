/** Safe extraction of uploaded SavedModel archives, the card schema check, seeding from the classpath. */
package org.citymaas.runtime.repository.control;
