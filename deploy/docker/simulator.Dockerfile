# The pilot-plant simulator (demo data over MQTT). Build from the repository root after
# `./mvnw -B -DskipTests package`:
#   docker build -f deploy/docker/simulator.Dockerfile -t pilotwatch/simulator .
FROM eclipse-temurin:17-jre
RUN groupadd --system --gid 10001 pilotwatch \
 && useradd --system --uid 10001 --gid pilotwatch --home-dir /app --shell /usr/sbin/nologin pilotwatch \
 && mkdir -p /data && chown pilotwatch:pilotwatch /data
WORKDIR /data
COPY --chown=root:root simulator/target/simulator.jar /app/simulator.jar
USER 10001:10001
# Heap half of the container (not measured), direct memory and metaspace bounded.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=50 -XX:MaxDirectMemorySize=64m -XX:MaxMetaspaceSize=64m -XX:+ExitOnOutOfMemoryError"
# The simulator has no HTTP endpoint. Healthy = it keeps writing its ground truth, which it does every
# 30 s (wall time) while it publishes (--truth-every 30s below). A stuck publisher stops writing it.
HEALTHCHECK --interval=30s --timeout=5s --start-period=90s --retries=3 \
  CMD test -n "$(find /data/simulator-truth.json -mmin -2 2>/dev/null)" || exit 1
ENTRYPOINT ["java", "-jar", "/app/simulator.jar", "--truth-out", "/data/simulator-truth.json", "--truth-every", "30s", "--no-progress"]
CMD ["--scenario", "default", "--mode", "accelerated", "--speed", "3600"]
