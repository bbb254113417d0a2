# The ingest bridge (MQTT -> Kafka). Build from the repository root after `./mvnw -B -DskipTests package`:
#   docker build -f deploy/docker/ingest.Dockerfile -t pilotwatch/ingest .
FROM eclipse-temurin:17-jre
# curl for the health check only.
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 pilotwatch \
 && useradd --system --uid 10001 --gid pilotwatch --home-dir /app --shell /usr/sbin/nologin pilotwatch
WORKDIR /app
COPY --chown=root:root ingest/target/ingest.jar /app/ingest.jar
USER 10001:10001
# 1883: MQTT in listen mode (devices connect here); 8080: /metrics, /health/live, /health/ready.
EXPOSE 1883 8080
# For a 512 MiB container (docs/operations.md, "Memory": heap 40%, direct, metaspace and code cache bounded).
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=40 -XX:InitialRAMPercentage=40 -XX:MaxDirectMemorySize=48m -XX:MaxMetaspaceSize=64m -XX:ReservedCodeCacheSize=48m -Djdk.nio.maxCachedBufferSize=262144 -XX:+ExitOnOutOfMemoryError" \
    HTTP_PORT=8080
# Ready = Kafka answers and the MQTT side is connected (subscribe) or listening (listen).
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD curl -fsS "http://127.0.0.1:${HTTP_PORT}/health/ready" > /dev/null || exit 1
# SIGTERM lets in-flight messages reach Kafka for up to ingest.shutdown.grace.seconds (30 s).
STOPSIGNAL SIGTERM
ENTRYPOINT ["java", "-jar", "/app/ingest.jar"]
