/** RFC 9457 problem details: the one shape of every error answer of the API. */
package org.citymaas.portal.problems;
