package com.powerpto.request;

import java.util.List;

/** What a submit would do, computed without writing anything. */
public record RequestPreview(long requestedMinutes, Long availableMinutesAfter, List<String> warnings) {
}
