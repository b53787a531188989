package io.qps.producer.session;

import java.util.regex.Pattern;

/**
 * A session's id: 1 to 100 characters from {@code A-Z a-z 0-9 . _ -}, and neither {@code .} nor {@code ..}, so it is
 * safe both inside a Kafka topic name and as a file name.
 *
 * @param value the id, e.g. {@code demo1}
 */
public record SessionId(String value) {
    /** Longest id: keeps {@code qps.<session>.<run>.positions} well under Kafka's 249-character topic limit. */
    public static final int MAX_LENGTH = 100;
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]{1," + MAX_LENGTH + "}");

    /** @throws IllegalArgumentException with a one-line reason if {@code value} is not a safe id */
    public SessionId {
        String problem = problem("session id", value);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    /** The id {@code value}, validated. */
    public static SessionId of(String value) {
        return new SessionId(value);
    }

    /**
     * Why {@code value} is not a safe name, or null if it is.
     *
     * @param what what the name is, for the message ("session id", "run id")
     * @param value the candidate
     * @return a one-line reason, or null
     */
    static String problem(String what, String value) {
        if (value == null || value.isEmpty()) {
            return "invalid " + what + ": it is empty; use 1.." + MAX_LENGTH + " characters from A-Z a-z 0-9 . _ -";
        }
        if (value.length() > MAX_LENGTH) {
            return "invalid " + what + " '" + value.substring(0, 20) + "...': " + value.length()
                    + " characters, at most " + MAX_LENGTH + " allowed";
        }
        if (!SAFE.matcher(value).matches()) {
            return "invalid " + what + " '" + value + "': only A-Z a-z 0-9 . _ - are allowed"
                    + " (it must be a safe Kafka topic and file name)";
        }
        if (value.equals(".") || value.equals("..")) {
            return "invalid " + what + " '" + value + "': '.' and '..' are not allowed";
        }
        return null;
    }

    @Override
    public String toString() {
        return value;
    }
}
