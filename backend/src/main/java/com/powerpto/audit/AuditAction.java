package com.powerpto.audit;

public enum AuditAction {
    CREATE, UPDATE, DELETE, APPROVE, DENY, CANCEL, SUBMIT
}
