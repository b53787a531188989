package io.qps.registry.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.qps.registry.service.RegistryError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

/**
 * Lets a request through to the registry only with HTTP basic credentials of a known user; anything else is
 * answered as Confluent's registry answers it: HTTP 401, {@code WWW-Authenticate: Basic}, and the body
 * {@code {"error_code":401,"message":"Unauthorized"}}. Passwords are compared in constant time.
 */
public final class BasicAuthHandler implements HttpHandler {
    /** The realm named in the challenge. */
    static final String REALM = "SchemaRegistry";

    private final Map<String, byte[]> passwords;
    private final HttpHandler next;

    /**
     * @param users password by user name (at least one)
     * @param next the handler of authenticated requests
     */
    public BasicAuthHandler(Map<String, String> users, HttpHandler next) {
        if (users.isEmpty()) {
            throw new IllegalArgumentException("basic auth needs at least one user");
        }
        Map<String, byte[]> p = new TreeMap<>();
        users.forEach((user, password) -> p.put(user, password.getBytes(StandardCharsets.UTF_8)));
        this.passwords = p;
        this.next = next;
    }

    /**
     * The users of a {@code user:password[,user:password...]} list.
     *
     * @throws IllegalArgumentException naming the malformed entry (without its password)
     */
    public static Map<String, String> parseUsers(String list) {
        Map<String, String> users = new TreeMap<>();
        for (String entry : list.split(",")) {
            String e = entry.trim();
            int colon = e.indexOf(':');
            if (colon < 1 || colon == e.length() - 1) {
                String shown = colon < 0 ? e : e.substring(0, colon) + ":...";
                throw new IllegalArgumentException("basic auth users must look like user:password[,user:password],"
                        + " got '" + shown + "'");
            }
            users.put(e.substring(0, colon), e.substring(colon + 1));
        }
        return users;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        if (authenticated(exchange.getRequestHeaders().getFirst("Authorization"))) {
            next.handle(exchange);
            return;
        }
        try {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"" + REALM + "\"");
            HttpIo.error(exchange, new RegistryError(401, 401, "Unauthorized"));
        } finally {
            exchange.close();
        }
    }

    private boolean authenticated(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return false;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return false;
        }
        byte[] expected = passwords.get(decoded.substring(0, colon));
        byte[] given = decoded.substring(colon + 1).getBytes(StandardCharsets.UTF_8);
        return expected != null && MessageDigest.isEqual(expected, given);
    }
}
