package org.habeas.access.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.util.SimpleMethodInvocation;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Applies an endpoint's {@code @PreAuthorize} rule before its request body is read and validated. Method security
 * alone runs after argument binding, so a caller without the role who sent an invalid body was told which fields
 * were wrong (400) instead of being refused (403): the rules of an endpoint are nobody's business but its users'
 * (REQ-52, least privilege). Method security still runs too; the rules contain no argument references, so judging
 * them here, without the arguments, gives the same answer.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationBeforeBinding implements WebMvcConfigurer {

    private final PreAuthorizeAuthorizationManager rules = new PreAuthorizeAuthorizationManager();

    AuthorizationBeforeBinding(ApplicationContext context) {
        rules.setApplicationContext(context);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                if (handler instanceof HandlerMethod endpoint) {
                    var result = rules.authorize(() -> SecurityContextHolder.getContext().getAuthentication(),
                            new SimpleMethodInvocation(endpoint.getBean(), endpoint.getMethod()));
                    if (result != null && !result.isGranted()) {
                        throw new AccessDeniedException("Access denied");
                    }
                }
                return true;
            }
        });
    }
}
