package com.powerpto.calendar;

import com.powerpto.platform.security.Caller;
import com.powerpto.platform.web.ApiException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Calendar feeds: managed by their owner, read by calendar apps with only the secret URL. */
@RestController
public class CalendarFeedController {

    private static final MediaType CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);

    private final CalendarFeedService feeds;

    public CalendarFeedController(CalendarFeedService feeds) {
        this.feeds = feeds;
    }

    @GetMapping("/api/me/calendar-feeds")
    public CalendarFeedService.Feeds list(Caller caller) {
        return feeds.list(caller);
    }

    @PostMapping("/api/me/calendar-feeds")
    @ResponseStatus(HttpStatus.CREATED)
    public CalendarFeed create(Caller caller, @RequestBody CalendarFeedService.FeedBody body) {
        return feeds.create(caller, body);
    }

    @DeleteMapping("/api/me/calendar-feeds/{feedId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void revoke(Caller caller, @PathVariable UUID feedId) {
        feeds.revoke(caller, feedId);
    }

    /**
     * Public: the token is the credential. Unknown, revoked or no longer permitted → 404. An
     * unchanged feed revalidates to 304 without a body; gzip when the client accepts it.
     */
    @GetMapping("/api/calendar/{token}.ics")
    public ResponseEntity<byte[]> feed(@PathVariable String token,
                                       @RequestHeader(value = "If-None-Match", required = false) String ifNoneMatch,
                                       @RequestHeader(value = "Accept-Encoding", required = false) String acceptEncoding) {
        CalendarFeedService.Ics ics = feeds.render(token, ifNoneMatch)
                .orElseThrow(() -> ApiException.notFound("calendar feed"));
        CacheControl cache = CacheControl.noCache().cachePrivate();
        if (ics.notModified()) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(ics.etag()).cacheControl(cache).build();
        }
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok().contentType(CALENDAR).eTag(ics.etag()).cacheControl(cache)
                .varyBy(HttpHeaders.ACCEPT_ENCODING);
        if (acceptsGzip(acceptEncoding)) {
            return ok.header(HttpHeaders.CONTENT_ENCODING, "gzip").contentLength(ics.gzip().length).body(ics.gzip());
        }
        return ok.contentLength(ics.body().length).body(ics.body());
    }

    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String part : acceptEncoding.toLowerCase(java.util.Locale.ROOT).split(",")) {
            String[] coding = part.trim().split(";");
            boolean refused = coding.length > 1 && coding[1].replace(" ", "").matches("q=0(\\.0*)?");
            if (coding[0].trim().equals("gzip") && !refused) {
                return true;
            }
        }
        return false;
    }
}
