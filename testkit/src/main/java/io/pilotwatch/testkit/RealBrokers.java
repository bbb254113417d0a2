package io.pilotwatch.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives the annotated test class real brokers: declare a {@link KafkaBroker} or {@link MqttBroker}
 * parameter on a test method, constructor, or {@code @BeforeAll}/{@code @BeforeEach} method.
 *
 * <p>Each broker type is started on first use and shared by all tests of the top-level class
 * (including {@code @Nested} classes), then killed and deleted when the class finishes.
 * See {@link RealBrokersExtension} for the details.
 */
@Documented
@Inherited
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RealBrokersExtension.class)
public @interface RealBrokers {
}
