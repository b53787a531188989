package io.qps.cli;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/** Asks a schema registry ({@code GET /subjects}) whether it answers, within a bounded time. */
public final class RegistryProbe {
    private RegistryProbe() {
    }

    /**
     * The answer of one probe.
     *
     * @param up whether the registry answered HTTP 200, or 401 (it is up, and requires credentials)
     * @param detail what it answered, or why not
     */
    public record Result(boolean up, String detail) {
    }

    /**
     * @param baseUrl registry base URL, e.g. {@code http://localhost:8081}
     * @param timeout bound on connecting and on the answer
     * @return the result
     */
    public static Result probe(String baseUrl, Duration timeout) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).build();
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(baseUrl + "/subjects")).timeout(timeout)
                    .header("Accept", "application/vnd.schemaregistry.v1+json").GET().build();
        } catch (IllegalArgumentException e) {
            return new Result(false, "invalid URL: " + e.getMessage());
        }
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 401) {
                return new Result(true, "answers GET /subjects with HTTP 401: it requires credentials"
                        + " (basic.auth.user.info in the client config file)");
            }
            return response.statusCode() == 200 ? new Result(true, "answers GET /subjects")
                    : new Result(false, "GET /subjects answered HTTP " + response.statusCode());
        } catch (ConnectException e) {
            return new Result(false, "cannot connect (nothing listening?)");
        } catch (HttpTimeoutException e) {
            return new Result(false, "no answer within " + timeout.toMillis() + " ms");
        } catch (IOException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return new Result(false, message.replace('\n', ' '));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(false, "interrupted");
        }
    }
}
