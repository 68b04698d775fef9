package com.powerpto.platform.web;

/** Validated {@code offset}/{@code limit} query parameters (limit 1–100, default 50). */
public record PageRequest(int offset, int limit) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 100;
    /** The most rows a list answers when it is asked without {@code limit} ({@link WholeListWithoutLimit}). */
    public static final int WHOLE_LIST_LIMIT = 10_000;

    /** Every row from {@code offset} on, up to {@link #WHOLE_LIST_LIMIT} (a list called without {@code limit}). */
    public static PageRequest wholeList(Integer offset) {
        PageRequest checked = of(offset, null);
        return new PageRequest(checked.offset(), WHOLE_LIST_LIMIT);
    }

    public static PageRequest of(Integer offset, Integer limit) {
        int o = offset == null ? 0 : offset;
        int l = limit == null ? DEFAULT_LIMIT : limit;
        if (o < 0) {
            throw ApiException.invalid("offset", "must be 0 or more");
        }
        if (l < 1 || l > MAX_LIMIT) {
            throw ApiException.invalid("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return new PageRequest(o, l);
    }
}
