package com.powerpto.platform.config;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PtoProperties.class)
public class PlatformConfig {

    /** The one source of "now"; tests replace it to pin dates. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
