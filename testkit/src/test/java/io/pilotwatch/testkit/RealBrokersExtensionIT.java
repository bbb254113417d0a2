package io.pilotwatch.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** Uses Mosquitto because it starts in milliseconds; the extension treats Kafka the same way. */
@RealBrokers
@TestMethodOrder(OrderAnnotation.class)
class RealBrokersExtensionIT {

    private static MqttBroker fromBeforeAll;
    private static long firstPid;
    private final MqttBroker fromConstructor;

    RealBrokersExtensionIT(MqttBroker broker) {
        this.fromConstructor = broker;
    }

    @BeforeAll
    static void rememberBroker(MqttBroker broker) {
        fromBeforeAll = broker;
        firstPid = broker.pid();
    }

    @Test
    @Order(1)
    void constructorBeforeAllAndTestShareOneBroker(MqttBroker broker) {
        assertThat(broker).isSameAs(fromBeforeAll).isSameAs(fromConstructor);
        assertThat(broker.isRunning()).isTrue();
    }

    @Test
    @Order(2)
    void nextTestGetsTheSameBrokerProcess(MqttBroker broker) {
        assertThat(broker).isSameAs(fromBeforeAll);
        assertThat(broker.pid()).isEqualTo(firstPid);

        broker.kill();
    }

    @Test
    @Order(3)
    void brokerKilledByAnEarlierTestIsRunningAgainOnTheSamePort(MqttBroker broker) throws Exception {
        assertThat(broker).isSameAs(fromBeforeAll);
        assertThat(broker.isRunning()).isTrue();
        assertThat(broker.pid()).isNotEqualTo(firstPid);
        MqttClient client = new MqttClient(broker.url(), "after-restart", new MemoryPersistence());
        client.connect();
        client.disconnect();
        client.close();

        broker.freeze();
    }

    @Test
    @Order(4)
    void brokerFrozenByAnEarlierTestIsThawed() {
        assertThat(fromBeforeAll.isRunning()).isTrue();
    }

    @Nested
    class NestedTests {

        @Test
        void nestedClassesShareTheTopLevelClassBroker(MqttBroker broker) {
            assertThat(broker).isSameAs(fromBeforeAll);
        }
    }
}
