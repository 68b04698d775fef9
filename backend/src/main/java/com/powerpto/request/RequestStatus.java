package com.powerpto.request;

public enum RequestStatus {
    DRAFT, SUBMITTED, APPROVED, DENIED, CANCELLED
}
