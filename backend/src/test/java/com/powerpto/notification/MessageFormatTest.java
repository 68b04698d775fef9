package com.powerpto.notification;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MessageFormatTest {

    static final ZoneId NY = ZoneId.of("America/New_York");
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void amountsInThePolicyUnit() {
        assertThat(MessageFormat.amount(960, "DAYS", 480)).isEqualTo("2 days");
        assertThat(MessageFormat.amount(480, "DAYS", 480)).isEqualTo("1 day");
        assertThat(MessageFormat.amount(240, "DAYS", 480)).isEqualTo("0.5 days");
        assertThat(MessageFormat.amount(450, "DAYS", 450)).isEqualTo("1 day");
        assertThat(MessageFormat.amount(750, "HOURS", 480)).isEqualTo("12.5 hours");
        assertThat(MessageFormat.amount(60, "HOURS", 480)).isEqualTo("1 hour");
        assertThat(MessageFormat.amount(90, "MINUTES", 480)).isEqualTo("90 minutes");
        assertThat(MessageFormat.amount(100, "DAYS", 480)).isEqualTo("0.21 days");
    }

    @Test
    void wholeDaysStayTheEmployeesDaysAndTimesMoveToTheRecipientsZone() {
        Instant start = Instant.parse("2026-08-03T04:00:00Z"); // midnight in New York
        Instant end = Instant.parse("2026-08-05T04:00:00Z");
        assertThat(MessageFormat.period(start, end, NY, BERLIN)).isEqualTo("Mon 3 Aug 2026 – Tue 4 Aug 2026");
        assertThat(MessageFormat.period(start, Instant.parse("2026-08-04T04:00:00Z"), NY, BERLIN)).isEqualTo("Mon 3 Aug 2026");
        Instant nine = Instant.parse("2026-09-01T13:00:00Z");
        assertThat(MessageFormat.period(nine, nine.plusSeconds(4 * 3600), NY, BERLIN))
                .isEqualTo("Tue 1 Sep 2026, 15:00–19:00 (Europe/Berlin)");
    }

    @Test
    void htmlValuesAreEscapedAndMissingValuesRefused() {
        assertThat(Templates.fill("<p>{{name}}</p>", Map.of("name", "<b>&\"x\""), true))
                .isEqualTo("<p>&lt;b&gt;&amp;&quot;x&quot;</p>");
        assertThat(Templates.fill("{{name}}", Map.of("name", "<b>"), false)).isEqualTo("<b>");
        assertThatThrownBy(() -> Templates.fill("{{other}}", Map.of(), true)).hasMessageContaining("other");
        var rendered = new Templates().render(NotificationKind.PASSWORD_CHANGED,
                new java.util.HashMap<>(Map.of("recipient_name", "A\r\nBcc: x@y", "when", "now", "link", "https://x")));
        assertThat(rendered.subject()).doesNotContain("\n");
    }
}
