package com.powerpto.report;

import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/** A CSV download streamed to the response (the reports' one way of writing files). */
final class CsvDownload {

    private static final Logger log = LoggerFactory.getLogger(CsvDownload.class);

    private CsvDownload() {
    }

    /**
     * Everything that can be refused (caller, filters) is checked before this is called, so before
     * the first byte is written; after that the rows go out as the database cursor yields them. A
     * client that goes away mid-way ends the export (and its read-only transaction) quietly.
     */
    static void stream(HttpServletResponse response, String filename, Consumer<Writer> body) {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(ReportController.TEXT_CSV);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(filename).build().toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        try {
            Writer out = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8),
                    16 * 1024);
            body.accept(out);
            out.flush();
        } catch (UncheckedIOException e) {
            log.info("CSV export ended early: {}", e.getCause().getMessage());
        } catch (IOException e) {
            log.info("CSV export ended early: {}", e.getMessage());
        }
    }
}
