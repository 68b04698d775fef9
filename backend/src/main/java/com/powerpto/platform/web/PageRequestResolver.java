package com.powerpto.platform.web;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Lets a controller method declare a validated {@link PageRequest} from offset/limit. */
public class PageRequestResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == PageRequest.class;
    }

    @Override
    public PageRequest resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
                                       WebDataBinderFactory binderFactory) {
        Integer limit = integer(request, "limit");
        if (limit == null && parameter.hasParameterAnnotation(WholeListWithoutLimit.class)) {
            return PageRequest.wholeList(integer(request, "offset"));
        }
        return PageRequest.of(integer(request, "offset"), limit);
    }

    private static Integer integer(NativeWebRequest request, String name) {
        String value = request.getParameter(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw ApiException.invalid(name, "must be an integer");
        }
    }
}
