package io.pilotwatch.testkit;

import io.pilotwatch.testkit.internal.SharedBrokers;
import java.lang.reflect.Constructor;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestInstanceFactoryContext;
import org.junit.jupiter.api.extension.TestInstancePreConstructCallback;

/**
 * JUnit Jupiter extension behind {@link RealBrokers}: resolves {@link KafkaBroker} and
 * {@link MqttBroker} parameters of test methods, test constructors and lifecycle methods.
 *
 * <ul>
 *   <li>Lazy: a broker type is started (blocking, up to {@code testkit.startTimeoutSeconds}) when
 *       a parameter first asks for it; a class that asks only for Kafka never starts Mosquitto.</li>
 *   <li>Shared per top-level test class: all its tests, lifecycle methods and {@code @Nested}
 *       classes get the same broker. It is kept in the store of the top-level class context, so
 *       JUnit closes it (kill, delete data) when that class finishes, whether tests failed or not.</li>
 *   <li>Healed between tests: before each test, and whenever a parameter is resolved, a shared
 *       broker that an earlier test froze is thawed, and one it stopped or killed is restarted on
 *       the same port and data. So every test starts with a running broker and its earlier data.</li>
 *   <li>Started once: a broker that fails to start is not tried again; later tests of the class
 *       fail at once with the same reason, which ends with the broker's log tail.</li>
 *   <li>Skipped when missing: if a broker cannot run here ({@link BrokerUnavailableException}, e.g.
 *       no mosquitto binary), the test is aborted (reported as skipped) with the reason, or fails
 *       with it when the system property {@code testkit.require} is {@code true}.</li>
 * </ul>
 *
 * <p>Tests that fault a shared broker must not run concurrently with other tests of the same class.
 */
public final class RealBrokersExtension implements ParameterResolver, TestInstancePreConstructCallback,
        BeforeEachCallback, TestExecutionExceptionHandler, LifecycleMethodExecutionExceptionHandler {

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return SharedBrokers.isBrokerType(parameterContext.getParameter().getType());
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return SharedBrokers.running(parameterContext.getParameter().getType(), extensionContext);
    }

    /**
     * Starts the brokers a constructor needs before JUnit resolves its parameters: JUnit offers no
     * exception handler for constructors, so this is where a missing broker can still skip the test.
     */
    @Override
    public void preConstructTestInstance(TestInstanceFactoryContext factoryContext, ExtensionContext context) {
        for (Constructor<?> constructor : factoryContext.getTestClass().getDeclaredConstructors()) {
            for (Class<?> type : constructor.getParameterTypes()) {
                if (SharedBrokers.isBrokerType(type)) {
                    try {
                        SharedBrokers.running(type, context);
                    } catch (BrokerException e) {
                        SharedBrokers.abortIfUnavailable(e);
                        throw e;
                    }
                }
            }
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        SharedBrokers.healStarted(context);
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        SharedBrokers.abortIfUnavailable(failure);
        throw failure;
    }

    @Override
    public void handleBeforeAllMethodExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        SharedBrokers.abortIfUnavailable(failure);
        throw failure;
    }

    @Override
    public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        SharedBrokers.abortIfUnavailable(failure);
        throw failure;
    }

    @Override
    public void handleAfterEachMethodExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        SharedBrokers.abortIfUnavailable(failure);
        throw failure;
    }

    @Override
    public void handleAfterAllMethodExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        SharedBrokers.abortIfUnavailable(failure);
        throw failure;
    }
}
