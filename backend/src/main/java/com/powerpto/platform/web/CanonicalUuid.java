package com.powerpto.platform.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;

import java.io.IOException;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A UUID only in its canonical text form, {@code 8-4-4-4-12} hexadecimal digits (either case).
 * Jackson's own UUID reader also takes the base64 of the 16 bytes and {@link UUID#fromString}
 * takes shortened groups ({@code 1-2-3-4-5}): where a value is read twice, or once by each, two
 * readers could disagree on whether a text is a UUID (issue 25, finding 1). Use it on fields that
 * choose a secret or a tenant.
 */
public final class CanonicalUuid {

    private static final Pattern FORM = Pattern.compile(
            "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

    private CanonicalUuid() {
    }

    /** The UUID of a canonical text, else empty (null, base64, short groups, braces, spaces). */
    public static Optional<UUID> parse(String text) {
        return text != null && FORM.matcher(text).matches() ? Optional.of(UUID.fromString(text)) : Optional.empty();
    }

    /** {@code @JsonDeserialize(using = CanonicalUuid.Reader.class)}: any other spelling is a mapping error (422). */
    public static final class Reader extends JsonDeserializer<UUID> {
        @Override
        public UUID deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                return (UUID) context.handleUnexpectedToken(UUID.class, parser);
            }
            String text = parser.getText();
            return parse(text).orElseThrow(() -> context.weirdStringException(text, UUID.class,
                    "not a UUID in its canonical form xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx"));
        }
    }
}
