package io.pilotwatch.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LogSettingsTest {

    private static LogSettings read(Map<String, String> variables) {
        return LogSettings.read(variables::get);
    }

    @Test
    void defaultsArePlainInfoWithKafkaAndNettyAtWarn() {
        LogSettings settings = read(Map.of());
        assertThat(settings.format()).isEqualTo(LogSettings.Format.PLAIN);
        assertThat(settings.rootLevel()).isEqualTo("INFO");
        assertThat(settings.loggerLevels()).isEqualTo(Map.of("org.apache.kafka", "WARN", "io.netty", "WARN"));
        assertThat(settings.problems()).isEmpty();
    }

    @Test
    void variablesSetFormatRootOurPackageAndNamedLoggers() {
        LogSettings settings = read(Map.of("LOG_FORMAT", "JSON", "LOG_LEVEL", "warn", "PILOTWATCH_LOG_LEVEL", "debug",
                "LOG_LEVELS", " org.apache.kafka=INFO , io.vertx=error,io.pilotwatch.ingest.mqtt=TRACE,"));
        assertThat(settings.format()).isEqualTo(LogSettings.Format.JSON);
        assertThat(settings.rootLevel()).isEqualTo("WARN");
        assertThat(settings.loggerLevels()).isEqualTo(Map.of("org.apache.kafka", "INFO", "io.netty", "WARN",
                "io.vertx", "ERROR", "io.pilotwatch", "DEBUG", "io.pilotwatch.ingest.mqtt", "TRACE"));
        assertThat(settings.problems()).isEmpty();
    }

    @Test
    void logLevelsWinOverPilotwatchLogLevelForTheSameLogger() {
        assertThat(read(Map.of("PILOTWATCH_LOG_LEVEL", "DEBUG", "LOG_LEVELS", "io.pilotwatch=ERROR")).loggerLevels())
                .containsEntry("io.pilotwatch", "ERROR");
    }

    @Test
    void badValuesAreNamedAndReplacedByDefaults() {
        LogSettings settings = read(Map.of("LOG_FORMAT", "xml", "LOG_LEVEL", "verbose", "PILOTWATCH_LOG_LEVEL", "loud",
                "LOG_LEVELS", "org.apache.kafka,=INFO,io.vertx=chatty,io.netty=DEBUG"));
        assertThat(settings.format()).isEqualTo(LogSettings.Format.PLAIN);
        assertThat(settings.rootLevel()).isEqualTo("INFO");
        assertThat(settings.loggerLevels()).isEqualTo(Map.of("org.apache.kafka", "WARN", "io.netty", "DEBUG"));
        assertThat(settings.problems()).containsExactly(
                "LOG_FORMAT: must be plain or json, got 'xml'; using plain",
                "LOG_LEVEL: 'verbose' is not a level (TRACE, DEBUG, INFO, WARN, ERROR, OFF); ignored",
                "PILOTWATCH_LOG_LEVEL: 'loud' is not a level (TRACE, DEBUG, INFO, WARN, ERROR, OFF); ignored",
                "LOG_LEVELS: 'org.apache.kafka' is not logger=LEVEL (e.g. org.apache.kafka=INFO); ignored",
                "LOG_LEVELS: '=INFO' is not logger=LEVEL (e.g. org.apache.kafka=INFO); ignored",
                "LOG_LEVELS: 'chatty' is not a level (TRACE, DEBUG, INFO, WARN, ERROR, OFF); ignored");
    }
}
