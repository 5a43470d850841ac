package org.citymaas.portal.errors;

/** A department's member asked on behalf of another department: 403. */
public class OtherDepartmentException extends PortalException {

    public OtherDepartmentException(String department) {
        super(403, "Forbidden", "you may act only for your own department, not '" + department + "'", null);
    }
}
