package org.citymaas.portal.inference.control;

import org.citymaas.runtime.inference.entity.ShareKey;
import org.citymaas.tenant.departments.entity.TenantId;

/** The model runtime shares itself fairly by department: the one place a department becomes a share key. */
public final class ShareKeys {

    private ShareKeys() {}

    public static ShareKey of(TenantId department) {
        return ShareKey.of(department == null ? null : department.value());
    }
}
