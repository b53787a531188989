package io.qps.cli;

/** A failure to report to the user as one line, with the process exit code to use. */
public final class CliException extends RuntimeException {
    /** Exit code of a command that failed at run time (unreachable cluster, I/O error, ...). */
    public static final int FAILED = 1;
    /** Exit code of invalid input (bad flag value, missing file named by a flag). */
    public static final int USAGE = 2;

    private static final long serialVersionUID = 1L;
    private final int exitCode;

    /**
     * @param exitCode process exit code
     * @param message one line for the user
     */
    public CliException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    /**
     * @param exitCode process exit code
     * @param message one line for the user
     * @param cause technical cause, shown with {@code --verbose}
     */
    public CliException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /** @return the process exit code */
    public int exitCode() {
        return exitCode;
    }
}
