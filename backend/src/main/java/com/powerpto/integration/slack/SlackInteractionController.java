package com.powerpto.integration.slack;

import com.powerpto.platform.web.ErrorBody;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Slack's interactivity Request URL (public; authenticated by the company's signing secret, see
 * {@link SlackInteractionService}). Rate-limited per company before anything else is done.
 */
@RestController
public class SlackInteractionController {

    private final SlackInteractionService interactions;
    private final SlackRateLimit limit;

    public SlackInteractionController(SlackInteractionService interactions, SlackRateLimit limit) {
        this.interactions = interactions;
        this.limit = limit;
    }

    /**
     * The raw body is read from the stream, and the company id from the query string by hand: Slack
     * posts a form, and asking the servlet for a parameter would parse (and so consume) the body
     * whose exact bytes the signature covers.
     */
    @PostMapping(SlackSettingsService.INTERACTIONS_PATH)
    public ResponseEntity<Object> interaction(HttpServletRequest request,
                                              @RequestHeader(name = SlackSignature.TIMESTAMP_HEADER, required = false) String timestamp,
                                              @RequestHeader(name = SlackSignature.SIGNATURE_HEADER, required = false) String signature)
            throws IOException {
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readAllBytes();
        }
        String companyId = queryParameter(request.getQueryString(), "company_id");
        long wait = limit.tryTake(companyId);
        if (wait > 0) {
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", String.valueOf(wait))
                    .body(new ErrorBody("too many Slack interactions for this company; slow down", null, 429,
                            "too_many_attempts", null, Map.of("retry_after_seconds", wait)));
        }
        SlackInteractionService.Answer answer = interactions.handle(companyId, timestamp, signature, body);
        return answer.body() == null ? ResponseEntity.ok().build() : ResponseEntity.status(answer.status()).body(answer.body());
    }

    private static String queryParameter(String query, String name) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8).equals(name)) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
