package io.qps.cli.command;

import io.qps.embedded.ServiceStatus;
import java.io.PrintWriter;
import java.util.List;

/** Prints service statuses as aligned lines: name, up/down, endpoint, detail. */
final class StatusLines {
    private StatusLines() {
    }

    static void print(PrintWriter out, List<ServiceStatus> statuses) {
        int nameWidth = statuses.stream().mapToInt(s -> s.name().length()).max().orElse(0);
        int endpointWidth = statuses.stream().mapToInt(s -> s.endpoint().length()).max().orElse(0);
        for (ServiceStatus s : statuses) {
            out.println(String.format("%-" + nameWidth + "s  %-4s  %-" + endpointWidth + "s  %s", s.name(),
                    s.up() ? "up" : "down", s.endpoint(), s.detail()).stripTrailing());
        }
        out.flush();
    }
}
