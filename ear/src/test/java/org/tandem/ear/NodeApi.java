package org.tandem.ear;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;

import java.io.IOException;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

/**
 * The node's REST API as a script meets it: plain HTTP from {@code java.net.http}, from a loopback
 * address of the caller's choice (the throttle counts per address), answers read as JSON.
 */
final class NodeApi {

    /** One answer: status, headers and body, the body read as JSON when it is JSON. */
    record Answer(int status, HttpResponse<String> response) {

        JsonObject json() {
            return (JsonObject) structure();
        }

        JsonStructure structure() {
            return Json.createReader(new StringReader(response.body())).read();
        }

        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        List<String> headers(String name) {
            return response.headers().allValues(name);
        }

        String contentType() {
            return header("Content-Type");
        }

        @Override
        public String toString() {
            return response.request().method() + " " + response.uri() + " -> " + status + " " + response.body();
        }
    }

    private final HttpClient client;
    private final URI base;
    private String authorization;
    private String forwardedFor;

    private NodeApi(HttpClient client, URI base, String authorization, String forwardedFor) {
        this.client = client;
        this.base = base;
        this.authorization = authorization;
        this.forwardedFor = forwardedFor;
    }

    /** The API of the node under test, called from {@code from}. */
    static NodeApi from(String from) throws IOException {
        return new NodeApi(HttpClient.newBuilder().localAddress(InetAddress.getByName(from))
                .connectTimeout(Duration.ofSeconds(5)).build(),
                URI.create("http://127.0.0.1:" + Integer.getInteger("it.http.port") + "/api/"), null, null);
    }

    NodeApi withToken(String token) {
        return new NodeApi(client, base, "Bearer " + token, forwardedFor);
    }

    NodeApi withPassword(String username, String password) {
        return new NodeApi(client, base, "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)), forwardedFor);
    }

    NodeApi withAuthorization(String header) {
        return new NodeApi(client, base, header, forwardedFor);
    }

    /** Sends {@code X-Forwarded-For: address}, as a reverse proxy (or someone posing as one) does. */
    NodeApi forwardedFor(String address) {
        return new NodeApi(client, base, authorization, address);
    }

    /** The node's {@code /metrics}, outside the API. */
    Answer metrics() throws IOException, InterruptedException {
        return send("GET", "/metrics", null, null);
    }

    Answer get(String path) throws IOException, InterruptedException {
        return send("GET", path, null, null);
    }

    Answer post(String path, String json) throws IOException, InterruptedException {
        return send("POST", path, "application/json", json);
    }

    Answer post(String path, String contentType, String body) throws IOException, InterruptedException {
        return send("POST", path, contentType, body);
    }

    /** A body of raw bytes, sent as they are (not re-encoded from a string). */
    Answer post(String path, String contentType, byte[] body) throws IOException, InterruptedException {
        return sendBody("POST", path, contentType, HttpRequest.BodyPublishers.ofByteArray(body));
    }

    Answer patch(String path, String json) throws IOException, InterruptedException {
        return send("PATCH", path, "application/json", json);
    }

    Answer put(String path, String json) throws IOException, InterruptedException {
        return send("PUT", path, "application/json", json);
    }

    Answer delete(String path) throws IOException, InterruptedException {
        return send("DELETE", path, null, null);
    }

    /** The token the login {@code username} makes for itself with its password. */
    String newToken(String username, String password, String name) throws IOException, InterruptedException {
        Answer made = withPassword(username, password).post("v1/tokens", "{\"name\": \"" + name + "\"}");
        if (made.status() != 201) {
            throw new AssertionError("no token for " + username + ": " + made);
        }
        return made.json().getString("secret");
    }

    private Answer send(String method, String path, String contentType, String body)
            throws IOException, InterruptedException {
        return sendBody(method, path, contentType, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    }

    private Answer sendBody(String method, String path, String contentType, HttpRequest.BodyPublisher body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .method(method, body);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response);
    }
}
