/** What the runtime's engines are configured with: where an external OIP v2 engine serves a version. */
package org.citymaas.runtime.engine.entity;
