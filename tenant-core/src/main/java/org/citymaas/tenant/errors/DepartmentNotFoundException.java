package org.citymaas.tenant.errors;

/** No department with this id (or none the caller may see). */
public class DepartmentNotFoundException extends TenantException {

    public DepartmentNotFoundException(String tenant) {
        super("no department '" + tenant + "'");
    }
}
