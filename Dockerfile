# syntax=docker/dockerfile:1
# qps image: builds the shaded CLI jar (cli/target/qps.jar) with the project's Maven wrapper, then runs it on a
# JRE as a non-root user. The image runs against a real cluster (docker-compose.yml's kafka and schema-registry), so
# it carries the lean jar only: the embedded broker's jars (cli/target/broker-lib/, for 'qps up') stay in the build
# stage. docker-compose.yml builds its qps services from this file; ComposeFileTest checks that the runtime stage
# puts the jar where the entrypoint expects it, and ComposeRunIT runs the compose file's qps commands on that jar.

FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -ntp -DskipTests package \
    && test -f cli/target/qps.jar

FROM eclipse-temurin:17-jre AS runtime
# /work/data, /work/results and /work/.qps are writable by any user, so that a compose service may run as the
# host user who owns a bind-mounted ./results. 'qps' on the PATH runs the jar (compose's multi-step services use it).
RUN groupadd --system --gid 10001 qps \
    && useradd --system --uid 10001 --gid qps --home-dir /work --shell /usr/sbin/nologin qps \
    && mkdir -p /app /work/data /work/results /work/.qps \
    && chown -R qps:qps /work \
    && chmod 1777 /work/data /work/results /work/.qps \
    && printf '#!/bin/sh\nexec java $QPS_JAVA_OPTS -jar /app/qps.jar "$@"\n' > /usr/local/bin/qps \
    && chmod 755 /usr/local/bin/qps
COPY --from=build /src/cli/target/qps.jar /app/qps.jar
# Local service state: 'qps up' does not run in this image (no broker jars), but the option has a home.
ENV QPS_DATA_DIR=/work/.qps
USER qps
WORKDIR /work
ENTRYPOINT ["java", "-jar", "/app/qps.jar"]
