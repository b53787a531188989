package io.qps.schemas.registry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The TLS settings of a registry reached over {@code https}: Confluent's {@code schema.registry.ssl.*} keys
 * (truststore and keystore location, password and type; protocol). With neither store the JVM's default trust
 * applies.
 *
 * @param truststore the stores that decide which registry certificates to trust, or empty for the JVM's default
 * @param keystore the client's own certificate for a registry requiring mutual TLS, or empty
 * @param keyPassword password of the key inside the keystore, or null for the keystore's password
 * @param protocol the {@link SSLContext} protocol, e.g. {@code TLSv1.3}; {@code TLS} by default
 */
public record RegistryTls(Optional<Store> truststore, Optional<Store> keystore, String keyPassword, String protocol) {
    /** No client certificate, the JVM's default trust. */
    public static final RegistryTls DEFAULT = new RegistryTls(Optional.empty(), Optional.empty(), null, "TLS");

    /**
     * A key or trust store file.
     *
     * @param location the file
     * @param password its password, or null
     * @param type its type ({@code JKS}, {@code PKCS12})
     */
    public record Store(Path location, String password, String type) {
        KeyStore load(String key) {
            if (!Files.isRegularFile(location)) {
                throw new IllegalArgumentException(key + " '" + location + "' is not a readable file");
            }
            try (InputStream in = Files.newInputStream(location)) {
                KeyStore store = KeyStore.getInstance(type);
                store.load(in, password == null ? null : password.toCharArray());
                return store;
            } catch (IOException | GeneralSecurityException e) {
                throw new IllegalArgumentException("cannot load " + key + " '" + location + "' (type " + type + "): "
                        + e.getMessage(), e);
            }
        }
    }

    /** Whether these are the JVM's defaults (no {@link SSLContext} needs building). */
    public boolean isDefault() {
        return truststore.isEmpty() && keystore.isEmpty() && "TLS".equals(protocol);
    }

    /**
     * The context for the registry's HTTP client.
     *
     * @throws IllegalArgumentException with a one-line reason naming the setting if a store cannot be loaded
     */
    public SSLContext sslContext() {
        try {
            TrustManagerFactory trust = null;
            if (truststore.isPresent()) {
                trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                trust.init(truststore.get().load("schema.registry.ssl.truststore.location"));
            }
            KeyManagerFactory keys = null;
            if (keystore.isPresent()) {
                Store k = keystore.get();
                String password = keyPassword != null ? keyPassword : k.password();
                keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                keys.init(k.load("schema.registry.ssl.keystore.location"),
                        password == null ? new char[0] : password.toCharArray());
            }
            SSLContext context = SSLContext.getInstance(protocol);
            context.init(keys == null ? null : keys.getKeyManagers(), trust == null ? null : trust.getTrustManagers(),
                    null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot set up TLS for the schema registry: " + e.getMessage(), e);
        }
    }
}
