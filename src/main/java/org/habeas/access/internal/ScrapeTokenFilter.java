package org.habeas.access.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets Prometheus read {@code /actuator/prometheus}, and nothing else, with the configured scrape token
 * ({@code HABEAS_METRICS_TOKEN}) as a bearer token: a machine that only scrapes needs no user and no role. Any other
 * bearer goes on to {@link BearerTokenFilter}, which refuses it unless it is a user's token. The token is compared in
 * constant time and is never logged or journaled.
 */
class ScrapeTokenFilter extends OncePerRequestFilter {

    /** The one authority the scrape token gives; only the metrics endpoint accepts it. */
    static final String METRICS_SCRAPE = "METRICS_SCRAPE";
    static final String METRICS_PATH = "/actuator/prometheus";

    private final byte[] token;

    ScrapeTokenFilter(String token) {
        this.token = token == null || token.isBlank() ? null : ("Bearer " + token.strip()).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return token == null || !METRICS_PATH.equals(request.getRequestURI().substring(request.getContextPath().length()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !MessageDigest.isEqual(token, header.strip().getBytes(StandardCharsets.UTF_8))) {
            chain.doFilter(request, response);
            return;
        }
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("metrics-scraper", null,
                List.of(new SimpleGrantedAuthority(METRICS_SCRAPE))));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
