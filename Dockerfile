# syntax=docker/dockerfile:1
# qps image: builds the shaded CLI jar (cli/target/qps.jar) with the project's Maven wrapper, then runs it on a
# JRE as a non-root user. docker-compose.yml builds every qps service from this file; ComposeFileTest checks that
# the runtime stage puts the jar where the entrypoint expects it.

FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -ntp -DskipTests package \
    && test -f cli/target/qps.jar

FROM eclipse-temurin:17-jre AS runtime
RUN groupadd --system --gid 10001 qps \
    && useradd --system --uid 10001 --gid qps --home-dir /work --shell /usr/sbin/nologin qps \
    && mkdir -p /app /work/data /work/results \
    && chown -R qps:qps /work
COPY --from=build /src/cli/target/qps.jar /app/qps.jar
# Local service state (only used by 'qps up' inside a container) stays out of the shared data volume.
ENV QPS_DATA_DIR=/work/.qps
USER qps
WORKDIR /work
ENTRYPOINT ["java", "-jar", "/app/qps.jar"]
