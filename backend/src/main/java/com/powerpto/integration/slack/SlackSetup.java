package com.powerpto.integration.slack;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where the Slack Web API is: {@code pto.slack.api-url} (Slack itself by default). In development
 * mode {@code all} (make run) without that setting, the {@link SlackStandIn} is started and used,
 * so a person can connect the demo company and click Approve on the development Slack page.
 */
@Configuration(proxyBeanMethods = false)
class SlackSetup {

    private static final Logger log = LoggerFactory.getLogger(SlackSetup.class);
    static final String SLACK = "https://slack.com/api/";

    /** The stand-in, or null when this process talks to Slack itself. */
    record StandIn(SlackStandIn server) implements AutoCloseable {
        boolean active() {
            return server != null;
        }

        @Override
        public void close() {
            if (server != null) {
                server.close();
            }
        }
    }

    @Bean(destroyMethod = "close")
    StandIn slackStandIn(@Value("${pto.environment:development}") String environment, @Value("${pto.mode:}") String mode,
                         @Value("${pto.slack.api-url:}") String apiUrl,
                         @Value("${pto.slack.dev-stand-in.enabled:}") String enabled,
                         @Value("${pto.slack.dev-stand-in.port:0}") int port) {
        boolean wanted = enabled.isBlank() ? "ALL".equals(mode) : Boolean.parseBoolean(enabled);
        if (!wanted || !apiUrl.isBlank() || !"development".equals(environment)) {
            return new StandIn(null);
        }
        return new StandIn(SlackStandIn.start(port));
    }

    @Bean
    SlackApi slackApi(StandIn standIn, @Value("${pto.slack.api-url:}") String apiUrl,
                      @Value("${pto.slack.timeout-ms:4000}") int timeoutMs) {
        String url = !apiUrl.isBlank() ? apiUrl : standIn.active() ? standIn.server().apiUrl() : SLACK;
        if (!url.equals(SLACK)) {
            log.info("Slack Web API calls go to {}", url);
        }
        return new SlackApi(url, timeoutMs);
    }
}
