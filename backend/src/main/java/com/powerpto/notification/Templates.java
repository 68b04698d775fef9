package com.powerpto.notification;

import org.springframework.web.util.HtmlUtils;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One template pair per kind: {@code notifications/<kind>.txt} (first line {@code Subject: …}, a
 * blank line, then the plain-text body) and {@code notifications/<kind>.html} (the HTML body).
 * Placeholders are {@code {{name}}}; in HTML every value is escaped, in the subject line breaks are
 * removed (no header injection). A placeholder without a value is a programming error.
 */
public final class Templates {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z_]+)}}");

    public record Rendered(String subject, String text, String html) {
    }

    private record Source(String subject, String text, String html) {
    }

    private final Map<NotificationKind, Source> sources = new EnumMap<>(NotificationKind.class);

    public Templates() {
        for (NotificationKind kind : NotificationKind.values()) {
            String text = load(kind.key() + ".txt");
            int split = text.indexOf("\n\n");
            if (!text.startsWith("Subject: ") || split < 0) {
                throw new IllegalStateException("template " + kind.key() + ".txt must start with 'Subject: ' and a blank line");
            }
            sources.put(kind, new Source(text.substring("Subject: ".length(), split).trim(), text.substring(split + 2),
                    load(kind.key() + ".html")));
        }
    }

    public Rendered render(NotificationKind kind, Map<String, String> values) {
        Source source = sources.get(kind);
        String subject = fill(source.subject(), values, false).replaceAll("[\\r\\n]+", " ");
        return new Rendered(subject, fill(source.text(), values, false), fill(source.html(), values, true));
    }

    static String fill(String template, Map<String, String> values, boolean html) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalStateException("no value for {{" + m.group(1) + "}}");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(html ? HtmlUtils.htmlEscape(value, "UTF-8") : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String load(String name) {
        try (InputStream in = Templates.class.getResourceAsStream("/notifications/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing template notifications/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
