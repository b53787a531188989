package io.qps.schemas.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** JSON over HTTP to one registry: requests with the v1 media type, errors turned into {@link RegistryException}. */
final class RegistryHttp {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final String authorization;
    private final Duration timeout;
    private final HttpClient http;

    /**
     * @param url base URL; user info in it ({@code http://user:secret@host:8081}) becomes a basic-auth header
     * @param basicAuthUserInfo {@code user:password} for basic auth, or null (takes precedence over the URL's)
     * @param tls TLS settings for an {@code https} URL
     * @param timeout connect timeout and the time allowed for each answer
     */
    RegistryHttp(String url, String basicAuthUserInfo, RegistryTls tls, Duration timeout) {
        URI uri;
        try {
            uri = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
        } catch (IllegalArgumentException e) {
            throw new RegistryException(RegistryErrorCodes.UNREACHABLE, 0, "invalid registry URL '" + url + "'", e);
        }
        if (uri.getScheme() == null || uri.getHost() == null
                || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
            throw new RegistryException(RegistryErrorCodes.UNREACHABLE, 0,
                    "invalid registry URL '" + url + "': expected http(s)://host:port");
        }
        String userInfo = basicAuthUserInfo != null ? basicAuthUserInfo : uri.getUserInfo();
        this.authorization = userInfo == null || userInfo.isEmpty() ? null
                : "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
        this.baseUrl = uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
                + (uri.getRawPath() == null ? "" : uri.getRawPath());
        this.timeout = timeout;
        HttpClient.Builder client = HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1);
        if (!tls.isDefault()) {
            client.sslContext(tls.sslContext());
        }
        this.http = client.build();
    }

    String baseUrl() {
        return baseUrl;
    }

    static ObjectMapper json() {
        return JSON;
    }

    /** A path segment, percent-encoded (a space as %20, never '+'). */
    static String segment(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    JsonNode get(String path) {
        return send("GET", path, null);
    }

    JsonNode post(String path, Object body) {
        return send("POST", path, body);
    }

    JsonNode put(String path, Object body) {
        return send("PUT", path, body);
    }

    JsonNode delete(String path) {
        return send("DELETE", path, null);
    }

    private JsonNode send(String method, String path, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(timeout)
                .header("Accept", RegistryErrorCodes.MEDIA_TYPE + ", application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            try {
                request.header("Content-Type", RegistryErrorCodes.MEDIA_TYPE)
                        .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
            } catch (IOException e) {
                throw new IllegalStateException("cannot write request body", e);
            }
        }
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpConnectTimeoutException | ConnectException e) {
            throw unreachable(method, path, "connection failed", e);
        } catch (HttpTimeoutException e) {
            throw unreachable(method, path, "no answer within " + timeout.toMillis() + " ms", e);
        } catch (IOException e) {
            throw unreachable(method, path, e.getClass().getSimpleName() + " " + oneLine(e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryException(RegistryErrorCodes.UNREACHABLE, 0,
                    "interrupted while calling the registry at " + baseUrl, e);
        }
        return parse(method, path, response);
    }

    private JsonNode parse(String method, String path, HttpResponse<byte[]> response) {
        int status = response.statusCode();
        JsonNode node = null;
        try {
            node = response.body().length == 0 ? null : JSON.readTree(response.body());
        } catch (IOException e) {
            if (status < 400) {
                throw new RegistryException(status, status, "registry at " + baseUrl + ": " + method + " " + path
                        + " answered HTTP " + status + " with a body that is not JSON", e);
            }
        }
        if (status >= 200 && status < 300) {
            return node;
        }
        int errorCode = node != null && node.has("error_code") ? node.get("error_code").asInt(status) : status;
        String message = node != null && node.has("message") ? node.get("message").asText()
                : new String(response.body(), StandardCharsets.UTF_8);
        throw new RegistryException(errorCode, status, "registry at " + baseUrl + ": " + method + " " + path
                + " failed with HTTP " + status + ", error_code " + errorCode + ": " + oneLine(message)
                + (status == 401 ? unauthorizedHint() : ""));
    }

    private String unauthorizedHint() {
        return authorization == null
                ? " (no credentials were sent: set basic.auth.credentials.source=USER_INFO and"
                        + " basic.auth.user.info=user:password in the client config file)"
                : " (the credentials sent were refused)";
    }

    private RegistryException unreachable(String method, String path, String why, Exception e) {
        return new RegistryException(RegistryErrorCodes.UNREACHABLE, 0,
                "registry unreachable at " + baseUrl + " (" + method + " " + path + ": " + why + ")", e);
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replace('\n', ' ').replace('\r', ' ').strip();
    }
}
