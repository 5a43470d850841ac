/** The request's tenant: which department the current request acts for. */
package org.citymaas.tenant.context.boundary;
