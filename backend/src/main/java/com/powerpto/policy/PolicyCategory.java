package com.powerpto.policy;

public enum PolicyCategory {
    VACATION, SICK, PERSONAL, BEREAVEMENT, PARENTAL, OTHER
}
