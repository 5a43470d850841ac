package org.citymaas.tenant.errors;

/** The department is not in a state that allows the change (suspending one that is not active, say). */
public class DepartmentStateException extends TenantException {

    public DepartmentStateException(String message) {
        super(message);
    }
}
