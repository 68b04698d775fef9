package com.powerpto.platform.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import org.springframework.boot.json.JsonWriter;
import org.springframework.boot.logging.structured.StructuredLogFormatter;
import org.springframework.core.env.Environment;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * One JSON object per line with exactly the plan's fields (timestamp, level, service, request_id,
 * company_id, user_id, message, duration_ms) plus logger and, for errors, the exception.
 */
public class JsonLogFormatter implements StructuredLogFormatter<ILoggingEvent> {

    private static final Set<String> PLAN_FIELDS = Set.of(
            LogFields.REQUEST_ID, LogFields.COMPANY_ID, LogFields.USER_ID, LogFields.DURATION_MS);

    private final JsonWriter<ILoggingEvent> writer;

    public JsonLogFormatter(Environment environment) {
        String service = environment.getProperty("pto.service", "api");
        this.writer = JsonWriter.<ILoggingEvent>of(members -> {
            members.add("timestamp", event -> Instant.ofEpochMilli(event.getTimeStamp()).toString());
            members.add("level", event -> event.getLevel().toString());
            members.add("service", service);
            members.add("request_id", event -> mdc(event, LogFields.REQUEST_ID)).whenNotNull();
            members.add("company_id", event -> mdc(event, LogFields.COMPANY_ID)).whenNotNull();
            members.add("user_id", event -> mdc(event, LogFields.USER_ID)).whenNotNull();
            members.add("message", ILoggingEvent::getFormattedMessage);
            members.add("duration_ms", event -> durationMs(event)).whenNotNull();
            members.add("logger", ILoggingEvent::getLoggerName);
            members.add("context", JsonLogFormatter::extraFields).whenNot(Map::isEmpty);
            members.add("exception", event -> exception(event.getThrowableProxy())).whenNotNull();
        }).withNewLineAtEnd();
    }

    @Override
    public String format(ILoggingEvent event) {
        return writer.writeToString(event);
    }

    private static String mdc(ILoggingEvent event, String key) {
        return event.getMDCPropertyMap().get(key);
    }

    private static Long durationMs(ILoggingEvent event) {
        String value = mdc(event, LogFields.DURATION_MS);
        try {
            return value == null ? null : Long.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Map<String, String> extraFields(ILoggingEvent event) {
        Map<String, String> mdc = event.getMDCPropertyMap();
        if (PLAN_FIELDS.containsAll(mdc.keySet())) {
            return Map.of(); // the usual case (every request line): no copy, no sort
        }
        Map<String, String> extra = new java.util.TreeMap<>(mdc);
        extra.keySet().removeAll(PLAN_FIELDS);
        return extra;
    }

    private static String exception(IThrowableProxy proxy) {
        return proxy == null ? null : ThrowableProxyUtil.asString(proxy);
    }
}
