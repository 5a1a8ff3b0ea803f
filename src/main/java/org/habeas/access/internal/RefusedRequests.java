package org.habeas.access.internal;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.habeas.audit.Journal;
import org.habeas.audit.JournalEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Journals every refused request once, as {@code REFUSED} (REQ-49, REQ-51): who, what and when, never the body.
 *
 * <ul>
 *   <li>401, any path (only the API and actuator answer 401; a page sends the anonymous to the log-on page, which
 *       is not a refusal): kind {@code UNAUTHENTICATED}, actor {@code anonymous}, whether credentials were sent
 *       ({@code none}, {@code basic}, {@code bearer}); a bad password is journaled as {@code LOGON_FAILED} too.</li>
 *   <li>403, any path: kind {@code CSRF} for a missing or wrong CSRF token, else {@code FORBIDDEN} (the role does
 *       not allow it), with the signed-in user.</li>
 *   <li>404 after {@link org.habeas.access.FacilityScope} refused a facility in this request: kind
 *       {@code FACILITY_SCOPE}. A plain 404 (nothing there) is not journaled.</li>
 * </ul>
 *
 * <p>The entry: subject {@code request} / the path; details {@code method}, {@code path}, {@code status},
 * {@code kind} (and {@code credentials} for a 401). The path is the request URI without the query string and
 * without {@code ;} path parameters (a session id may hide there), cut to 200 characters; the body, the query
 * string, headers and credentials are never read into it.
 *
 * <p>Facility of a scope refusal: the entry carries the refused facility code in its facility column, so only
 * readers who may see that facility (and readers of every facility) see the entry; a reader limited to other
 * facilities does not see it at all, so learns nothing about that facility (ReaderScope). The code is the one the
 * scope refused, as asked for: it need not exist. When several facilities were refused in one request the entry
 * has no facility (only readers of every facility see it) and names them in {@code facilities}.
 *
 * <p>Transactions: the entry is written here, after the whole request, in a transaction of its own
 * (REQUIRES_NEW), so a refusal thrown inside a command's transaction that then rolled back is still journaled.
 * A failing write is logged (method, path, status and the exception's class, nothing else) and the answer stays
 * what it was: a refusal never becomes a 500 because the journal could not be written.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)   // inside the request-id filter (entries carry the id), before security
public class RefusedRequests extends OncePerRequestFilter {

    /** The journal action of every refused request. */
    public static final String ACTION = "REFUSED";

    private static final Logger log = LoggerFactory.getLogger(RefusedRequests.class);
    private static final String NOTE = RefusedRequests.class.getName() + ".NOTE";
    private static final int MAX_PATH = 200;
    private static final int MAX_FACILITY = 100;

    private final Journal journal;
    private final TransactionTemplate ownTransaction;

    RefusedRequests(Journal journal, PlatformTransactionManager transactions) {
        this.journal = journal;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Notes, for the request being served (if any), that facility scope refused {@code facilityCode} to the
     * signed-in user. Journaled only if the request ends in 404.
     */
    public static void outOfScope(String facilityCode) {
        if (facilityCode == null) {
            return;
        }
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes != null && attributes.getAttribute(NOTE, RequestAttributes.SCOPE_REQUEST) instanceof Note note) {
            note.facilities.add(facilityCode);
            note.caller();
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Note note = new Note();
        request.setAttribute(NOTE, note);
        chain.doFilter(request, response);
        JournalEntry entry = entry(request, response.getStatus(), note);
        if (entry != null) {
            try {
                ownTransaction.executeWithoutResult(status -> journal.append(entry));
            } catch (RuntimeException e) {
                log.error("Could not journal a refused request ({} {} answered {}): {}", request.getMethod(),
                        path(request), response.getStatus(), e.getClass().getName());
            }
        }
    }

    static JournalEntry entry(HttpServletRequest request, int status, Note note) {
        String kind;
        Map<String, Object> details = new LinkedHashMap<>();
        String facility = null;
        String who = note.who == null ? Journal.ANONYMOUS : note.who;
        String roles = note.roles;
        switch (status) {
            case 401 -> {
                kind = "UNAUTHENTICATED";
                who = Journal.ANONYMOUS;   // whatever was noted before: nobody was authenticated
                roles = "";
            }
            case 403 -> kind = note.csrf ? "CSRF" : "FORBIDDEN";
            case 404 -> {
                if (note.facilities.isEmpty()) {
                    return null;   // nothing there: not a refusal
                }
                kind = "FACILITY_SCOPE";
                if (note.facilities.size() == 1) {
                    String code = note.facilities.iterator().next();
                    facility = code.length() <= MAX_FACILITY ? code : null;
                } else {
                    details.put("facilities", note.facilities.stream().filter(f -> f.length() <= MAX_FACILITY)
                            .sorted().toList());
                }
            }
            default -> {
                return null;
            }
        }
        String path = path(request);
        Map<String, Object> what = new LinkedHashMap<>();
        what.put("method", request.getMethod());
        what.put("path", path);
        what.put("status", status);
        what.put("kind", kind);
        if (status == 401) {
            what.put("credentials", credentials(request.getHeader("Authorization")));
        }
        what.putAll(details);
        return JournalEntry.of(ACTION, "request", path).withFacility(facility).withDetails(what)
                .by(who, roles);
    }

    /** The path as requested, without the query string and {@code ;} parameters, at most 200 characters. */
    static String path(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String path = uri == null || uri.isEmpty() ? "/" : uri.replaceAll(";[^/]*", "");
        return path.length() <= MAX_PATH ? path : path.substring(0, MAX_PATH);
    }

    // Only the scheme word is looked at, never what follows it.
    private static String credentials(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            return "none";
        }
        String scheme = authorization.strip().split("\\s", 2)[0];
        return scheme.equalsIgnoreCase("Bearer") ? "bearer" : scheme.equalsIgnoreCase("Basic") ? "basic" : "other";
    }

    /**
     * Inside each security filter chain, after authentication: notes who made a request that is answered 403 or
     * 404, while the security context still says so (it is gone by the time this filter's outer half runs).
     */
    static OncePerRequestFilter witness() {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                            FilterChain chain) throws ServletException, IOException {
                chain.doFilter(request, response);
                int status = response.getStatus();
                if ((status == 403 || status == 404) && request.getAttribute(NOTE) instanceof Note note) {
                    note.caller();
                }
            }
        };
    }

    /**
     * Wraps an access-denied handler so that a CSRF refusal (which Spring Security decides before the user is
     * even looked at) is noted as such, with whoever the session belongs to.
     */
    static AccessDeniedHandler noting(AccessDeniedHandler handler) {
        return (request, response, e) -> {
            if (request.getAttribute(NOTE) instanceof Note note) {
                note.caller();
                note.csrf = note.csrf || e instanceof CsrfException;
            }
            handler.handle(request, response, e);
        };
    }

    static AccessDeniedHandler noting() {
        return noting(new AccessDeniedHandlerImpl());
    }

    /** What the request's refusal points noted; one per request. */
    static final class Note {
        final Set<String> facilities = new LinkedHashSet<>();
        String who;
        String roles = "";
        boolean csrf;

        void caller() {
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            if (authentication == null || !authentication.isAuthenticated()
                    || authentication instanceof AnonymousAuthenticationToken) {
                if (who == null) {
                    who = Journal.ANONYMOUS;
                }
                return;
            }
            who = authentication.getName();
            roles = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                    .filter(a -> a != null && a.startsWith("ROLE_")).map(a -> a.substring("ROLE_".length()))
                    .sorted().collect(Collectors.joining(","));
        }
    }
}
