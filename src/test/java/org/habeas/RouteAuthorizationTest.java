package org.habeas;

import static java.util.stream.Collectors.toSet;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every route has an explicit authorisation rule (REQ-52, least privilege). A mapping without an HTTP method
 * counts as ANY and is checked too. The short allow-list of open routes lives here, not in configuration.
 */
class RouteAuthorizationTest extends IntegrationTest {

    private static final Set<String> OPEN = Set.of("GET /login", "ANY /error", "GET /v3/api-docs",
            "GET /v3/api-docs.yaml", "GET /v3/api-docs/swagger-config", "GET /swagger-ui.html");

    @Test
    void everyRouteHasAnAuthorisationRule(@Autowired ApplicationContext context) {
        List<String> unguarded = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        context.getBeansOfType(RequestMappingHandlerMapping.class).values().forEach(routes ->
                routes.getHandlerMethods().forEach((info, handler) -> {
                    boolean guarded = handler.hasMethodAnnotation(PreAuthorize.class)
                            || AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), PreAuthorize.class);
                    Set<String> verbs = info.getMethodsCondition().getMethods().isEmpty() ? Set.of("ANY")
                            : info.getMethodsCondition().getMethods().stream().map(Enum::name).collect(toSet());
                    for (String verb : verbs) {
                        for (String path : info.getPatternValues()) {
                            seen.add(verb + " " + path);
                            if (!guarded && !OPEN.contains(verb + " " + path)) {
                                unguarded.add(verb + " " + path + " -> " + handler);
                            }
                        }
                    }
                }));
        assertThat(seen).as("the walk must see the application's routes").contains("GET /api/journal");
        assertThat(unguarded).as("routes without @PreAuthorize").isEmpty();
    }
}
