/** Unit tests of the recognizers, validators and operators, each against values a user would see. */
package org.citymaas.security.masking.control;
