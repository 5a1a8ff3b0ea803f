package org.habeas.custody.internal;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * A run with {@code habeas.command} set is a one-off command, not a server: its web server (the security setup needs
 * one) listens on a free port of the loopback interface only, so it neither takes the port of a running instance
 * nor serves anyone while the command runs. Registered in META-INF/spring.factories.
 */
public class CommandEnvironment implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String command = environment.getProperty("habeas.command");
        if (command != null && !command.isBlank()) {
            environment.getPropertySources().addFirst(new MapPropertySource("habeas-command",
                    Map.of("server.port", "0", "server.address", "127.0.0.1")));
        }
    }
}
