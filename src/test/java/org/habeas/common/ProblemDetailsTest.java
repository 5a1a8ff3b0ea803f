package org.habeas.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.habeas.IntegrationTest;
import org.habeas.access.Role;
import org.junit.jupiter.api.Test;

/** Bad input of every kind is a 4xx problem naming what is wrong, never a stack trace or a 500. */
class ProblemDetailsTest extends IntegrationTest {

    private static final String TOKENS = "/api/access/tokens";

    @Test
    void malformedJson() {
        as(Role.INTAKE).raw("POST", TOKENS, "application/json", "{\"name\": ").expect(400).code("MALFORMED_REQUEST");
    }

    @Test
    void wrongMediaType() {
        as(Role.INTAKE).raw("POST", TOKENS, "text/plain", "name=x").expect(415).code("UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void unknownApiPath() {
        var response = as(Role.INTAKE).get("/api/no-such-thing").expect(404).code("NOT_FOUND");
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at org.");
    }

    @Test
    void wrongMethod() {
        as(Role.INTAKE).raw("PUT", TOKENS, "application/json", "{}").expect(405).code("METHOD_NOT_ALLOWED");
    }

    @Test
    void missingField() {
        as(Role.INTAKE).post(TOKENS, "{}").expect(400).code("VALIDATION_FAILED").field("name");
    }

    @Test
    void wrongTypeNamesTheField() {
        as(Role.INTAKE).post(TOKENS, "{\"name\":\"x\",\"validDays\":\"soon\"}").expect(400)
                .code("VALIDATION_FAILED").field("validDays");
    }

    @Test
    void overLongString() {
        as(Role.INTAKE).post(TOKENS, "{\"name\":\"" + "x".repeat(101) + "\"}").expect(400)
                .code("VALIDATION_FAILED").field("name");
    }

    @Test
    void invalidIdempotencyKey() {
        as(Role.INTAKE).header("Idempotency-Key", "x".repeat(101)).post(TOKENS, "{\"name\":\"x\"}").expect(400)
                .code("IDEMPOTENCY_KEY_INVALID");
    }

    @Test
    void everyAnswerCarriesARequestId() {
        var response = anonymous().header("X-Request-Id", "trace-123").get("/api/access/tokens").expect(401);
        assertThat(response.header("X-Request-Id")).isEqualTo("trace-123");
    }

    @Test
    void healthIsPublicAndMetricsAreForAdmin() {
        anonymous().get("/actuator/health").expect(200);
        anonymous().get("/actuator/prometheus").expect(401);
        as(Role.INSPECTOR).get("/actuator/prometheus").expect(403).code("FORBIDDEN");
        assertThat(as(Role.ADMIN).header("Accept", "text/plain").get("/actuator/prometheus").expect(200).body()).contains("jvm_");
    }

    @Test
    void apiDocsArePublished() {
        assertThat(anonymous().get("/v3/api-docs").expect(200).body()).contains("/api/access/tokens");
    }
}
