package com.powerpto.platform.web;

import org.apache.catalina.Host;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tomcat's own error report for what it refuses before any servlet runs (a URI with an encoded
 * NUL or slash, a malformed request line, headers too large): the contract's JSON error body
 * instead of Tomcat's HTML page, with no server details. Everything that reaches Spring is
 * answered by {@link GlobalExceptionHandler} / {@link JsonErrorController} as before.
 */
public class JsonErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        HttpStatus resolved = HttpStatus.resolve(status);
        String message = switch (status) {
            case 400 -> "the request could not be read";
            case 404 -> "no such route";
            case 413 -> "request body is too large";
            default -> resolved == null ? "error" : resolved.is5xxServerError() ? "internal error"
                    : resolved.getReasonPhrase().toLowerCase(java.util.Locale.ROOT);
        };
        try {
            response.setContentType("application/json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                String code = status == 404 ? "no_such_route" : ErrorCodes.forStatus(status);
                writer.write("{\"error\":\"" + message + "\",\"detail\":null,\"status_code\":" + status
                        + ",\"code\":\"" + code + "\"}");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response was committed meanwhile: nothing more to say
        }
    }

    /** Installs the valve on the embedded Tomcat's host (before it starts, in place of the HTML one). */
    @Configuration(proxyBeanMethods = false)
    static class Installer {
        @Bean
        WebServerFactoryCustomizer<TomcatServletWebServerFactory> jsonErrorReportValve() {
            return factory -> factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof Host host) {
                    JsonErrorReportValve valve = new JsonErrorReportValve();
                    host.getPipeline().addValve(valve);
                    if (host instanceof org.apache.catalina.core.StandardHost standard) {
                        standard.setErrorReportValveClass(JsonErrorReportValve.class.getName());
                    }
                }
            });
        }
    }
}
