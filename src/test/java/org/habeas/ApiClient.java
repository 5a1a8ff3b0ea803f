package org.habeas;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for API tests: real requests to the running server, JSON in, {@link ApiResponse} out. */
public final class ApiClient {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;
    private final String authorization;
    private final JsonMapper json;
    private final Map<String, String> headers = new LinkedHashMap<>();

    ApiClient(String baseUrl, String authorization, JsonMapper json) {
        this.baseUrl = baseUrl;
        this.authorization = authorization;
        this.json = json;
    }

    public ApiClient header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public ApiClient basic(String username, String password) {
        var client = new ApiClient(baseUrl, "Basic " + java.util.Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8)), json);
        client.headers.putAll(headers);
        return client;
    }

    public ApiResponse get(String path) {
        return send(builder(path).GET());
    }

    public ApiResponse delete(String path) {
        return send(builder(path).DELETE());
    }

    public ApiResponse post(String path, Object body) {
        return send(builder(path).POST(publish(body)).header("Content-Type", "application/json"));
    }

    public ApiResponse put(String path, Object body) {
        return send(builder(path).PUT(publish(body)).header("Content-Type", "application/json"));
    }

    public ApiResponse patch(String path, Object body) {
        return send(builder(path).method("PATCH", publish(body)).header("Content-Type", "application/json"));
    }

    /** Sends a raw body with a chosen content type, for malformed-input tests. */
    public ApiResponse raw(String method, String path, String contentType, String body) {
        return send(builder(path).method(method, BodyPublishers.ofString(body)).header("Content-Type", contentType));
    }

    private HttpRequest.Builder builder(String path) {
        var builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json, application/problem+json");
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        headers.forEach(builder::setHeader);
        return builder;
    }

    private HttpRequest.BodyPublisher publish(Object body) {
        return body instanceof String text ? BodyPublishers.ofString(text)
                : BodyPublishers.ofByteArray(json.writeValueAsBytes(body));
    }

    private ApiResponse send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), BodyHandlers.ofString());
            return new ApiResponse(response, json);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
