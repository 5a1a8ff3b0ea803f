package org.habeas.common;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import org.habeas.common.internal.IdempotencyRepository;
import org.habeas.common.internal.IdempotencyRepository.StoredResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

/**
 * Runs a create command at most once per {@code Idempotency-Key}: a repeat from the same caller returns the
 * first response instead of creating a second thing. The key is claimed in the command's own transaction, so a
 * command that fails leaves no claim behind and two concurrent repeats wait on one another instead of racing.
 * Reusing a key for a different request body is refused with {@code IDEMPOTENCY_KEY_REUSED}.
 */
@Component
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,100}");

    private final IdempotencyRepository repository;
    private final TransactionTemplate transaction;
    private final JsonMapper json;

    Idempotency(IdempotencyRepository repository, PlatformTransactionManager transactions, JsonMapper json) {
        this.repository = repository;
        this.transaction = new TransactionTemplate(transactions);
        this.json = json;
    }

    /**
     * Runs {@code command} unless {@code key} was already used by this caller on {@code route}; without a key
     * the command simply runs.
     */
    public <T> ResponseEntity<T> run(String key, String route, Object request, Class<T> bodyType,
                                     Supplier<ResponseEntity<T>> command) {
        return run(key, route, request, bodyType, command, UnaryOperator.identity());
    }

    /**
     * As {@link #run(String, String, Object, Class, Supplier)}, but what is kept for a repeat is
     * {@code keptForReplay} of the first response's body: a secret shown once (an API token) is never stored.
     */
    public <T> ResponseEntity<T> run(String key, String route, Object request, Class<T> bodyType,
                                     Supplier<ResponseEntity<T>> command, UnaryOperator<T> keptForReplay) {
        if (key == null) {
            return command.get();
        }
        if (!VALID_KEY.matcher(key).matches()) {
            throw new InvalidRequest(ErrorCode.IDEMPOTENCY_KEY_INVALID,
                    "Idempotency-Key must be 1 to 100 visible ASCII characters", HEADER);
        }
        String caller = currentCaller();
        byte[] fingerprint = fingerprint(route, request);
        var outcome = transaction.execute(status -> {
            Optional<StoredResponse> earlier = repository.claim(caller, key, route, fingerprint);
            if (earlier.isPresent()) {
                return Outcome.of(replay(earlier.get(), route, fingerprint, bodyType));
            }
            try {
                ResponseEntity<T> response = command.get();
                repository.complete(caller, key, response.getStatusCode().value(),
                        response.getHeaders().getLocation(),
                        json.writeValueAsString(keptForReplay.apply(response.getBody())));
                return Outcome.of(response);
            } catch (HabeasException refusal) {
                // A refusal is not a result to replay: release the key so a corrected retry can run. What the
                // command chose to keep (a journaled refusal) still commits unless it asked for a rollback.
                if (status.isRollbackOnly()) {
                    status.setRollbackOnly();
                } else {
                    repository.release(caller, key);
                }
                return Outcome.<T>failed(refusal);
            }
        });
        return outcome.response();
    }

    private <T> ResponseEntity<T> replay(StoredResponse stored, String route, byte[] fingerprint,
                                         Class<T> bodyType) {
        if (!stored.route().equals(route) || !MessageDigest.isEqual(stored.fingerprint(), fingerprint)) {
            throw new KeyReused();
        }
        var builder = ResponseEntity.status(stored.status()).header(REPLAYED_HEADER, "true");
        if (stored.location() != null) {
            builder.location(URI.create(stored.location()));
        }
        return builder.body(json.readValue(stored.body(), bodyType));
    }

    private byte[] fingerprint(String route, Object request) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            digest.update(route.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(json.writeValueAsBytes(request));
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String currentCaller() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? "anonymous" : authentication.getName();
    }

    /** 422: the caller reused a key for a different request; the first request's result stands. */
    static final class KeyReused extends HabeasException {
        KeyReused() {
            super(ErrorCode.IDEMPOTENCY_KEY_REUSED, HttpStatus.UNPROCESSABLE_CONTENT,
                    "This Idempotency-Key was already used for a different request");
        }
    }

    private record Outcome<T>(ResponseEntity<T> response, HabeasException refusal) {
        static <T> Outcome<T> of(ResponseEntity<T> response) {
            return new Outcome<>(response, null);
        }

        static <T> Outcome<T> failed(HabeasException refusal) {
            return new Outcome<>(null, refusal);
        }

        @Override
        public ResponseEntity<T> response() {
            if (refusal != null) {
                throw refusal;
            }
            return response;
        }
    }
}
