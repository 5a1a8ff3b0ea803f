package org.habeas.custody.internal;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * A run with {@code habeas.command} set is a one-off command, not a server: no web server, so it does not take the
 * server's port next to a running instance. Registered in META-INF/spring.factories.
 */
public class CommandEnvironment implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String command = environment.getProperty("habeas.command");
        if (command != null && !command.isBlank()) {
            environment.getPropertySources().addFirst(new MapPropertySource("habeas-command",
                    Map.of("spring.main.web-application-type", "none")));
        }
    }
}
