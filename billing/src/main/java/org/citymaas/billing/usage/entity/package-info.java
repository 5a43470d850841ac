/** Usage events: what a department's requests used, as billing counts it. */
package org.citymaas.billing.usage.entity;
