package org.habeas.common.internal;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolationException;

import org.habeas.common.ErrorCode;
import org.habeas.common.HabeasException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Every refusal from a REST controller becomes RFC 9457 problem details with a stable {@code code}.
 * Scoped to {@link RestController}s so pages keep their own error views; requests that never reach a
 * controller (unknown path, wrong method) are answered by the error controller in the web module.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProblemDetails {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetails.class);

    @ExceptionHandler
    ResponseEntity<ProblemDetail> refused(HabeasException e) {
        var problem = problem(e.status(), e.code(), e.getMessage());
        if (!e.reasons().isEmpty()) {
            problem.setProperty("reasons", e.reasons());
        }
        e.properties().forEach(problem::setProperty);
        var answer = ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON);
        e.headers().forEach(answer::header);
        return answer.body(problem);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> invalidBody(MethodArgumentNotValidException e) {
        List<String> fields = e.getBindingResult().getFieldErrors().stream().map(FieldError::getField)
                .distinct().sorted().toList();
        Map<String, String> messages = e.getBindingResult().getFieldErrors().stream()
                .collect(Collectors.toMap(FieldError::getField, f -> String.valueOf(f.getDefaultMessage()),
                        (a, b) -> a + "; " + b, java.util.TreeMap::new));
        var problem = problem(HttpStatus.BAD_REQUEST, ErrorCode.VALIDATION_FAILED,
                "Invalid fields: " + String.join(", ", fields));
        problem.setProperty("fields", fields);
        problem.setProperty("errors", messages);
        return respond(problem);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> invalidParameters(HandlerMethodValidationException e) {
        List<String> fields = e.getParameterValidationResults().stream()
                .map(r -> r.getMethodParameter().getParameterName()).distinct().toList();
        var problem = problem(HttpStatus.BAD_REQUEST, ErrorCode.VALIDATION_FAILED,
                "Invalid parameters: " + String.join(", ", fields));
        problem.setProperty("fields", fields);
        return respond(problem);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> invalidParameters(ConstraintViolationException e) {
        List<String> fields = e.getConstraintViolations().stream()
                .map(v -> lastNode(v.getPropertyPath().toString())).distinct().sorted().toList();
        var problem = problem(HttpStatus.BAD_REQUEST, ErrorCode.VALIDATION_FAILED,
                "Invalid parameters: " + String.join(", ", fields));
        problem.setProperty("fields", fields);
        return respond(problem);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (cause instanceof JacksonException json && !json.getPath().isEmpty()) {
            String field = json.getPathReference() == null ? "" : fieldPath(json);
            String detail = cause instanceof InvalidFormatException bad
                    ? "Field '%s' has a value that is not allowed: %s".formatted(field, bad.getValue())
                    : cause instanceof MismatchedInputException
                            ? "Field '%s' has the wrong type or shape".formatted(field)
                            : "Field '%s' cannot be read".formatted(field);
            var problem = problem(HttpStatus.BAD_REQUEST, ErrorCode.VALIDATION_FAILED, detail);
            problem.setProperty("fields", List.of(field));
            return respond(problem);
        }
        return respond(problem(HttpStatus.BAD_REQUEST, ErrorCode.MALFORMED_REQUEST,
                "The request body is missing or is not well-formed JSON"));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> wrongType(MethodArgumentTypeMismatchException e) {
        var problem = problem(HttpStatus.BAD_REQUEST, ErrorCode.VALIDATION_FAILED,
                "Parameter '%s' has a value that is not allowed".formatted(e.getName()));
        problem.setProperty("fields", List.of(e.getName()));
        return respond(problem);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> missingParameter(MissingServletRequestParameterException e) {
        var problem = problem(HttpStatus.BAD_REQUEST, ErrorCode.VALIDATION_FAILED,
                "Parameter '%s' is required".formatted(e.getParameterName()));
        problem.setProperty("fields", List.of(e.getParameterName()));
        return respond(problem);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> missingHeader(MissingRequestHeaderException e) {
        var problem = problem(HttpStatus.BAD_REQUEST, ErrorCode.VALIDATION_FAILED,
                "Header '%s' is required".formatted(e.getHeaderName()));
        problem.setProperty("fields", List.of(e.getHeaderName()));
        return respond(problem);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unsupportedMediaType(HttpMediaTypeNotSupportedException e) {
        return respond(problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                "Content type %s is not supported; send application/json".formatted(e.getContentType())));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return respond(problem(HttpStatus.NOT_ACCEPTABLE, ErrorCode.NOT_ACCEPTABLE,
                "This resource is available as application/json"));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> wrongMethod(HttpRequestMethodNotSupportedException e) {
        return respond(problem(HttpStatus.METHOD_NOT_ALLOWED, ErrorCode.METHOD_NOT_ALLOWED,
                "Method %s is not allowed here".formatted(e.getMethod())));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> forbidden(AccessDeniedException e) {
        return respond(problem(HttpStatus.FORBIDDEN, ErrorCode.FORBIDDEN,
                "Your role does not allow this"));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> bug(Exception e) {
        log.error("Unhandled error", e);
        return respond(problem(HttpStatus.INTERNAL_SERVER_ERROR, ErrorCode.INTERNAL_ERROR,
                "An internal error occurred; it has been logged"));
    }

    static ProblemDetail problem(HttpStatusCode status, ErrorCode code, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setProperty("code", code.name());
        return problem;
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static String fieldPath(JacksonException e) {
        var path = new StringBuilder();
        for (var ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String lastNode(String propertyPath) {
        int dot = propertyPath.lastIndexOf('.');
        return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
    }
}
