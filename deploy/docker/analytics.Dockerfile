# The analytics service (Kafka Streams KPIs, verdicts, /metrics, scorecard). Build from the repository root
# after `./mvnw -B -DskipTests package`:
#   docker build -f deploy/docker/analytics.Dockerfile -t pilotwatch/analytics .
FROM eclipse-temurin:17-jre
# curl for the health check only.
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 pilotwatch \
 && useradd --system --uid 10001 --gid pilotwatch --home-dir /app --shell /usr/sbin/nologin pilotwatch \
 && mkdir -p /var/lib/pilotwatch-analytics \
 && chown pilotwatch:pilotwatch /var/lib/pilotwatch-analytics
WORKDIR /app
COPY --chown=root:root analytics/target/analytics.jar /app/analytics.jar
USER 10001:10001
# Kafka Streams state (RocksDB): mount a volume so a restart does not rebuild it from the changelogs.
VOLUME /var/lib/pilotwatch-analytics
EXPOSE 8081
# For a 1280 MiB container with analytics.rocksdb.* at their defaults (docs/operations.md, "Memory": heap
# 40%, RocksDB, direct, metaspace and code cache bounded). Another limit: recompute with the sizing rule.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=40 -XX:MaxDirectMemorySize=128m -XX:MaxMetaspaceSize=96m -XX:ReservedCodeCacheSize=64m -Djdk.nio.maxCachedBufferSize=262144 -XX:+ExitOnOutOfMemoryError" \
    HTTP_PORT=8081 \
    ANALYTICS_STATE_DIR=/var/lib/pilotwatch-analytics
# Ready = Kafka Streams is RUNNING (not while it restores or rebalances).
HEALTHCHECK --interval=15s --timeout=5s --start-period=120s --retries=3 \
  CMD curl -fsS "http://127.0.0.1:${HTTP_PORT}/health/ready" > /dev/null || exit 1
STOPSIGNAL SIGTERM
ENTRYPOINT ["java", "-jar", "/app/analytics.jar"]
