package io.pilotwatch.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

/** What a service's log looks like: the lines of a real Logback context configured by {@link LogSetup}. */
class LogSetupTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private LoggerContext context(Map<String, String> variables) {
        LoggerContext context = new LoggerContext();
        // What SLF4J's binding gives the context it creates; a context of our own needs it set by hand.
        context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
        OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
        appender.setOutputStream(out);
        LogSetup.apply(context, LogSettings.read(variables::get), appender);
        return context;
    }

    private List<String> lines() {
        return Arrays.asList(out.toString(StandardCharsets.UTF_8).split("\n"));
    }

    @Test
    void plainLinesStartWithAnIsoTimestampWithItsOffset() {
        Logger log = context(Map.of()).getLogger("io.pilotwatch.ingest.IngestBridge");
        log.info("Subscribed to {}", "factory/v1/#");
        String line = lines().get(0);
        // The first field parses as an ISO-8601 date-time with an offset (fails for slf4j-simple's "12:00:01.123").
        OffsetDateTime.parse(line.substring(0, line.indexOf(' ')));
        assertThat(line).endsWith(" INFO  [" + Thread.currentThread().getName()
                + "] io.pilotwatch.ingest.IngestBridge - Subscribed to factory/v1/#");
    }

    @Test
    void jsonLinesAreOneObjectEachWithTimestampLevelLoggerAndMessage() throws Exception {
        Logger log = context(Map.of("LOG_FORMAT", "json")).getLogger("io.pilotwatch.analytics.Application");
        log.warn("Cannot start: {}", "configuration key 'http.port': must be from 0 to 65535, got 70000");
        log.error("with a \"quote\"", new IllegalStateException("boom"));
        List<String> lines = lines();
        assertThat(lines).hasSize(2);
        JsonNode first = new ObjectMapper().readTree(lines.get(0));
        OffsetDateTime.parse(first.get("@timestamp").asText());
        assertThat(first.get("level").asText()).isEqualTo("WARN");
        assertThat(first.get("logger_name").asText()).isEqualTo("io.pilotwatch.analytics.Application");
        assertThat(first.get("message").asText())
                .isEqualTo("Cannot start: configuration key 'http.port': must be from 0 to 65535, got 70000");
        JsonNode second = new ObjectMapper().readTree(lines.get(1));
        assertThat(second.get("message").asText()).isEqualTo("with a \"quote\"");
        assertThat(second.get("stack_trace").asText()).startsWith("java.lang.IllegalStateException: boom");
    }

    @Test
    void kafkaAndNettyAreQuietUnlessAskedAndLevelsComeFromTheVariables() {
        // Seen failing with the quiet defaults removed from LogSettings.
        LoggerContext context = context(Map.of("PILOTWATCH_LOG_LEVEL", "DEBUG",
                "LOG_LEVELS", "org.apache.kafka.clients.producer=INFO"));
        context.getLogger("org.apache.kafka.clients.consumer.ConsumerConfig").info("ConsumerConfig values: dropped");
        context.getLogger("io.netty.channel.DefaultChannelPipeline").info("netty: dropped");
        context.getLogger("io.vertx.core.impl.VertxImpl").debug("vertx debug: dropped at root INFO");
        context.getLogger("io.vertx.core.impl.VertxImpl").info("vertx info: kept");
        context.getLogger("io.pilotwatch.ingest.mqtt.ListenSource").debug("pilotwatch debug: kept");
        context.getLogger("org.apache.kafka.clients.producer.ProducerConfig").info("ProducerConfig values: kept");
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("dropped")
                .contains("vertx info: kept", "pilotwatch debug: kept", "ProducerConfig values: kept");
    }

    @Test
    void logLevelSetsTheRoot() {
        LoggerContext context = context(Map.of("LOG_LEVEL", "error"));
        context.getLogger("io.pilotwatch.analytics.AnalyticsService").warn("warn: dropped");
        context.getLogger("io.vertx.core.impl.VertxImpl").error("error: kept");
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("dropped").contains("error: kept");
    }
}
