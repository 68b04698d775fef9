package com.powerpto.platform.web;

import java.util.List;
import java.util.function.Function;

/** A page of a list endpoint: {@code {"items": [...], "total": n}}. */
public record Page<T>(List<T> items, long total) {

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), total);
    }
}
