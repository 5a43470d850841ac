/** The server-rendered pages' beans (Jakarta Faces with PrimeFaces): language, home, departments. */
package org.citymaas.portal.ui;
