package com.powerpto.lifecycle;

import java.time.LocalDate;

/** Request bodies of the lifecycle routes. */
final class Bodies {

    private Bodies() {
    }

    record Terminate(LocalDate terminationDate, String reason) {
    }

    record Rehire(LocalDate hireDate) {
    }
}
