package com.powerpto.request;

import java.util.List;

/**
 * What a submit would do, computed without writing anything. {@code availableMinutesOnStart}: the
 * projected available balance on the request's first day (the balance forecast, issue 14), null
 * for unlimited policies.
 */
public record RequestPreview(long requestedMinutes, Long availableMinutesAfter, List<String> warnings,
                             Long availableMinutesOnStart) {
}
