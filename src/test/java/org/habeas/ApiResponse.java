package org.habeas;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A response with assertions that read like the rule being tested: status, problem code, named field. */
public final class ApiResponse {

    private final HttpResponse<String> response;
    private final JsonMapper json;

    ApiResponse(HttpResponse<String> response, JsonMapper json) {
        this.response = response;
        this.json = json;
    }

    public ApiResponse expect(int status) {
        assertThat(response.statusCode()).as("status of %s %s, body: %s", response.request().method(),
                response.request().uri(), response.body()).isEqualTo(status);
        return this;
    }

    /** Asserts a problem-details answer with this stable {@code code}. */
    public ApiResponse code(String code) {
        assertThat(header("Content-Type")).as("problem content type").startsWith("application/problem+json");
        assertThat(json().path("code").asString()).as("problem code, body: %s", response.body()).isEqualTo(code);
        return this;
    }

    /** Asserts the problem names this field among {@code fields}. */
    public ApiResponse field(String field) {
        List<String> fields = new ArrayList<>();
        json().path("fields").forEach(f -> fields.add(f.asString()));
        assertThat(fields).as("fields named by the problem, body: %s", response.body()).contains(field);
        return this;
    }

    public int status() {
        return response.statusCode();
    }

    public JsonNode json() {
        return json.readTree(response.body());
    }

    public String body() {
        return response.body();
    }

    public String header(String name) {
        return response.headers().firstValue(name).orElse(null);
    }
}
