package com.powerpto.platform.web;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.oas.models.media.Schema;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The OpenAPI schemas name properties as the API writes them (snake_case, the application
 * mapper's naming strategy), not as the Java records spell them: the document is what client
 * authors read. Springdoc resolves the models with its own mapper; only the names are translated.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiNaming {

    private static final PropertyNamingStrategies.NamingBase SNAKE =
            (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;

    @Bean
    OpenApiCustomizer snakeCasePropertyNames() {
        return openApi -> {
            if (openApi.getComponents() != null && openApi.getComponents().getSchemas() != null) {
                openApi.getComponents().getSchemas().values().forEach(OpenApiNaming::rename);
                // Resolved from the token / the query string, never sent as objects.
                openApi.getComponents().getSchemas().remove("Caller");
                openApi.getComponents().getSchemas().remove("PageRequest");
            }
            if (openApi.getPaths() != null) {
                openApi.getPaths().values().forEach(path -> path.readOperations().forEach(OpenApiNaming::parameters));
            }
        };
    }

    /** Marks the lists that answer every row without {@code limit}, so their {@code limit} says so. */
    @Bean
    org.springdoc.core.customizers.OperationCustomizer wholeListsWithoutLimit() {
        return (operation, handler) -> {
            for (org.springframework.core.MethodParameter parameter : handler.getMethodParameters()) {
                if (parameter.hasParameterAnnotation(WholeListWithoutLimit.class)) {
                    operation.addExtension(WHOLE_LIST, true);
                }
            }
            return operation;
        };
    }

    private static final String WHOLE_LIST = "x-whole-list-without-limit";

    /**
     * The signed-in caller is an argument resolved from the credentials, and a page request is
     * the contract's {@code offset} / {@code limit} query parameters: document what a client sends.
     */
    private static void parameters(io.swagger.v3.oas.models.Operation operation) {
        if (operation.getParameters() == null) {
            return;
        }
        boolean wholeList = operation.getExtensions() != null && operation.getExtensions().remove(WHOLE_LIST) != null;
        if (operation.getExtensions() != null && operation.getExtensions().isEmpty()) {
            operation.setExtensions(null);
        }
        List<io.swagger.v3.oas.models.parameters.Parameter> sent = new java.util.ArrayList<>();
        for (io.swagger.v3.oas.models.parameters.Parameter parameter : operation.getParameters()) {
            String ref = parameter.getSchema() == null ? null : parameter.getSchema().get$ref();
            if (ref != null && ref.endsWith("/Caller")) {
                continue;
            }
            if (ref != null && ref.endsWith("/PageRequest")) {
                sent.add(query("offset", "0 or more (default 0)", new io.swagger.v3.oas.models.media.IntegerSchema()
                        .minimum(java.math.BigDecimal.ZERO)._default(0)));
                io.swagger.v3.oas.models.media.IntegerSchema limit = new io.swagger.v3.oas.models.media.IntegerSchema();
                limit.minimum(java.math.BigDecimal.ONE).maximum(java.math.BigDecimal.valueOf(100));
                sent.add(wholeList
                        ? query("limit", "1 to 100; out of range is a 422. Without limit the answer holds every row"
                                + " (up to " + PageRequest.WHOLE_LIST_LIMIT + ", total = the true count), as the original API did", limit)
                        : query("limit", "1 to 100 (default 50); out of range is a 422", limit._default(50)));
                continue;
            }
            sent.add(parameter);
        }
        operation.setParameters(sent);
    }

    private static io.swagger.v3.oas.models.parameters.Parameter query(String name, String description, Schema<?> schema) {
        return new io.swagger.v3.oas.models.parameters.Parameter().in("query").name(name).required(false)
                .description(description).schema(schema);
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void rename(Schema schema) {
        if (schema == null) {
            return;
        }
        Map<String, Schema> properties = schema.getProperties();
        if (properties != null) {
            Map<String, Schema> renamed = new LinkedHashMap<>();
            properties.forEach((name, property) -> {
                renamed.put(SNAKE.translate(name), property);
                rename(property);
            });
            schema.setProperties(renamed);
        }
        List<String> required = schema.getRequired();
        if (required != null) {
            schema.setRequired(required.stream().map(SNAKE::translate).toList());
        }
        rename(schema.getItems());
        if (schema.getAllOf() != null) {
            ((List<Schema>) schema.getAllOf()).forEach(OpenApiNaming::rename);
        }
        if (schema.getOneOf() != null) {
            ((List<Schema>) schema.getOneOf()).forEach(OpenApiNaming::rename);
        }
    }
}
