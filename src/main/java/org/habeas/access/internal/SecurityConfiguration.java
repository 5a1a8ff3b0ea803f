package org.habeas.access.internal;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.habeas.access.AccessService;
import org.habeas.access.Role;
import org.habeas.common.ErrorCode;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.ExceptionTranslationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

import tools.jackson.databind.json.JsonMapper;

/**
 * Two doors. The API (and actuator) take HTTP Basic or a bearer token, keep no session and answer refusals with
 * problem details. Pages use form log-on with CSRF protection and a session that ends after 30 idle minutes
 * (server.servlet.session.timeout). Roles are checked on every handler with {@code @PreAuthorize}. Every refused
 * request (401, 403, a facility-scope 404) is journaled once by {@link RefusedRequests}.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();   // bcrypt, upgradable by prefix
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, AccessService access, JsonMapper json,
                            @Value("${habeas.metrics.scrape-token:}") String scrapeToken) throws Exception {
        AuthenticationEntryPoint unauthenticated = (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"Habeas\", Bearer");
            problem(json, response, 401, ErrorCode.UNAUTHENTICATED, "Log on with HTTP Basic or a bearer token");
        };
        AccessDeniedHandler forbidden = RefusedRequests.noting((request, response, e) ->
                problem(json, response, 403, ErrorCode.FORBIDDEN, "Your role does not allow this"));
        http.securityMatcher("/api/**", "/actuator/**")
            .authorizeHttpRequests(auth -> auth
                    .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                    // The public locator (REQ-16): anyone may ask; it limits each client itself.
                    .requestMatchers(HttpMethod.POST, "/api/locator").permitAll()
                    .requestMatchers(ScrapeTokenFilter.METRICS_PATH)
                        .hasAnyAuthority("ROLE_" + Role.ADMIN.name(), ScrapeTokenFilter.METRICS_SCRAPE)
                    .requestMatchers("/actuator/**").hasRole(Role.ADMIN.name())
                    .anyRequest().authenticated())
            .csrf(csrf -> csrf.disable())   // no cookies on this door: Basic or bearer on every call
            .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .httpBasic(basic -> basic.authenticationEntryPoint(unauthenticated))
            .addFilterBefore(new ScrapeTokenFilter(scrapeToken), BasicAuthenticationFilter.class)
            .addFilterBefore(new BearerTokenFilter(access, unauthenticated), BasicAuthenticationFilter.class)
            .addFilterBefore(RefusedRequests.witness(), ExceptionTranslationFilter.class)
            .exceptionHandling(e -> e.authenticationEntryPoint(unauthenticated).accessDeniedHandler(forbidden));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                    .requestMatchers("/login", "/error", "/css/**", "/js/**", "/webjars/**", "/favicon.ico",
                            "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll()
                    .requestMatchers("/locator").permitAll()
                    .anyRequest().authenticated())
            .formLogin(form -> form.loginPage("/login").failureHandler(logonRefused()).defaultSuccessUrl("/", true))
            .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
            .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
            .addFilterBefore(RefusedRequests.witness(), ExceptionTranslationFilter.class)
            .exceptionHandling(e -> e.accessDeniedHandler(RefusedRequests.noting()))
            .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(
                    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'")));
        return http.build();
    }

    private static AuthenticationFailureHandler logonRefused() {
        return (request, response, e) -> {
            String why = e instanceof LockedException ? "locked" : e instanceof DisabledException ? "disabled" : "error";
            response.sendRedirect(request.getContextPath() + "/login?" + why);
        };
    }

    private static void problem(JsonMapper json, HttpServletResponse response, int status, ErrorCode code,
                                String detail) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", status == 401 ? "Unauthorized" : "Forbidden");
        body.put("status", status);
        body.put("detail", detail);
        body.put("code", code.name());
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), body);
    }
}
