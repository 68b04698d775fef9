package com.powerpto.audit;

public enum AuditEntityType {
    POLICY, POLICY_VERSION, REQUEST, ASSIGNMENT, EMPLOYEE, HOLIDAY, ADJUSTMENT, ACCRUAL, COMPANY
}
