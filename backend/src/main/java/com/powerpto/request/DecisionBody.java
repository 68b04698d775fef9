package com.powerpto.request;

/** Optional body of approve / deny. */
public record DecisionBody(String note) {
}
