package io.pilotwatch.testkit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.abortedWithReason;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * A broker that cannot run here skips the tests that need it, or fails them with
 * {@code -Dtestkit.require=true}. Runs the fixture classes below in-process with the mosquitto
 * binary pointed at a path that does not exist; no broker is started.
 */
class MissingBrokerTest {

    private static final Predicate<String> SAYS_HOW_TO_INSTALL = m -> m.contains("apt-get install mosquitto");

    private String savedBinary;
    private String savedRequire;

    @BeforeEach
    void pointAtMissingMosquitto() {
        savedBinary = System.setProperty("testkit.mosquitto", "/nonexistent/mosquitto");
        savedRequire = System.getProperty("testkit.require");
    }

    @AfterEach
    void restoreProperties() {
        restore("testkit.mosquitto", savedBinary);
        restore("testkit.require", savedRequire);
    }

    @Test
    void testsAskingForAMissingBrokerAreSkippedByDefault() {
        System.setProperty("testkit.require", "false");

        run(InTestMethod.class).assertThatEvents().haveExactly(1, event(test(), abortedWithReason(message(SAYS_HOW_TO_INSTALL))));
        run(InBeforeEach.class).assertThatEvents().haveExactly(1, event(test(), abortedWithReason(message(SAYS_HOW_TO_INSTALL))));
        run(InConstructor.class).assertThatEvents().haveExactly(1, event(test(), abortedWithReason(message(SAYS_HOW_TO_INSTALL))));
        run(InBeforeAll.class).assertThatEvents()
                .haveExactly(1, event(container(InBeforeAll.class), abortedWithReason(message(SAYS_HOW_TO_INSTALL))));
    }

    @Test
    void testsAskingForAMissingBrokerFailWhenBrokersAreRequired() {
        System.setProperty("testkit.require", "true");

        run(InTestMethod.class).assertThatEvents().haveExactly(1, event(test(), finishedWithFailure(message(SAYS_HOW_TO_INSTALL))));
        run(InBeforeEach.class).assertThatEvents().haveExactly(1, event(test(), finishedWithFailure(message(SAYS_HOW_TO_INSTALL))));
        run(InConstructor.class).assertThatEvents().haveExactly(1, event(test(), finishedWithFailure(message(SAYS_HOW_TO_INSTALL))));
        run(InBeforeAll.class).assertThatEvents()
                .haveExactly(1, event(container(InBeforeAll.class), finishedWithFailure(message(SAYS_HOW_TO_INSTALL))));
    }

    private static Events run(Class<?> fixture) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(fixture)).execute().allEvents();
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }

    // Fixtures: nested classes are not run by surefire itself, only through EngineTestKit above.

    @RealBrokers
    static class InTestMethod {
        @Test
        void needsMosquitto(MqttBroker broker) {
        }
    }

    @RealBrokers
    static class InBeforeEach {
        @BeforeEach
        void connect(MqttBroker broker) {
        }

        @Test
        void needsMosquitto() {
        }
    }

    @RealBrokers
    static class InConstructor {
        InConstructor(MqttBroker broker) {
        }

        @Test
        void needsMosquitto() {
        }
    }

    @RealBrokers
    static class InBeforeAll {
        @BeforeAll
        static void connect(MqttBroker broker) {
        }

        @Test
        void needsMosquitto() {
        }
    }
}
