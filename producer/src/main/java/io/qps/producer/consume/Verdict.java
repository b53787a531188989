package io.qps.producer.consume;

/**
 * The outcome of checking a ticks topic against its dataset.
 *
 * @param pass whether the topic holds exactly the dataset
 * @param line one line for the user, starting with {@code PASS:} or {@code FAIL:}
 */
public record Verdict(boolean pass, String line) {
    static Verdict pass(String what) {
        return new Verdict(true, "PASS: " + what);
    }

    static Verdict fail(String why) {
        return new Verdict(false, "FAIL: " + why);
    }
}
