package com.powerpto.ledger;

public enum SourceType {
    REQUEST, PAYROLL, ADMIN, SYSTEM
}
