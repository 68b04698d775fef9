package com.powerpto.request;

import java.util.List;
import java.util.UUID;

/** Which listed requests to correct: {@code request_ids}, or every listed one when absent. */
public record DurationCorrectionBody(List<UUID> requestIds) {
}
