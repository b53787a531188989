package io.qps.embedded;

/**
 * One line of {@code qps status}: a service, whether it is up, and where it listens.
 *
 * @param name short service name, e.g. {@code kafka} or {@code registry}
 * @param up whether it runs and answers
 * @param endpoint where it listens (bootstrap servers or URL), or where it would listen
 * @param detail one line for a person: pid and folder when up, the reason when down
 */
public record ServiceStatus(String name, boolean up, String endpoint, String detail) {
}
