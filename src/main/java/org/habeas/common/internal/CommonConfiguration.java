package org.habeas.common.internal;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
class CommonConfiguration {

    /** The one clock every module reads; tests may replace it. Always UTC: zones belong to the pages. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
