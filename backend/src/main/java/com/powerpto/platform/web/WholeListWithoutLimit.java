package com.powerpto.platform.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a {@link PageRequest} parameter: called without {@code limit}, the list answers every row (up
 * to {@link PageRequest#WHOLE_LIST_LIMIT}) instead of the first page. The contract's exception for
 * {@code GET …/employees} and {@code GET …/reports/balances}, whose original clients never ask for a
 * second page (shared/spec/api.md, "Pagination"). With {@code limit} the list pages as usual.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
public @interface WholeListWithoutLimit {
}
