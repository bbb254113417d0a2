package io.pilotwatch.testkit.internal;

import io.pilotwatch.testkit.Broker;
import io.pilotwatch.testkit.BrokerException;
import io.pilotwatch.testkit.BrokerUnavailableException;
import io.pilotwatch.testkit.Brokers;
import io.pilotwatch.testkit.KafkaBroker;
import io.pilotwatch.testkit.MqttBroker;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ExtensionContext.Store;

/** The logic of {@link io.pilotwatch.testkit.RealBrokersExtension}, kept out of the public API. */
public final class SharedBrokers {

    private static final Namespace NAMESPACE = Namespace.create(SharedBrokers.class);
    private static final Map<Class<?>, Supplier<? extends Broker>> STARTERS = Map.of(
            KafkaBroker.class, Brokers::startKafka,
            MqttBroker.class, Brokers::startMosquitto);

    /** Stored instead of a broker whose start failed, so later tests fail at once instead of retrying. */
    private record FailedStart(RuntimeException failure) {
    }

    private SharedBrokers() {
    }

    public static boolean isBrokerType(Class<?> type) {
        return STARTERS.containsKey(type);
    }

    /**
     * The class's broker of this type, started on first use and brought back to running if an
     * earlier test stopped, killed or froze it.
     *
     * @throws BrokerException if it cannot be started; caused by a {@link BrokerUnavailableException}
     *     if something is missing on this machine
     */
    public static Broker running(Class<?> type, ExtensionContext context) {
        // The store closes AutoCloseable values (our brokers) when the top-level class finishes.
        Object stored = store(context).computeIfAbsent(type, SharedBrokers::startOrRemember);
        if (stored instanceof FailedStart failed) {
            throw new BrokerException("Cannot start the " + type.getSimpleName() + " of this test class: "
                    + failed.failure().getMessage(), failed.failure());
        }
        Broker broker = (Broker) stored;
        heal(broker);
        return broker;
    }

    /** Brings back every broker this class has already started; starts none. */
    public static void healStarted(ExtensionContext context) {
        Store store = store(context);
        for (Class<?> type : STARTERS.keySet()) {
            Object stored = store.get(type);
            if (stored instanceof Broker broker) {
                heal(broker);
            }
        }
    }

    /**
     * Aborts the current test, which JUnit reports as skipped, if the failure was caused by a
     * missing broker and {@code testkit.require} is not true. Otherwise returns, and the caller
     * rethrows the failure.
     */
    public static void abortIfUnavailable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BrokerUnavailableException && !Settings.require()) {
                Assumptions.abort(cause.getMessage() + " (set -D" + Settings.REQUIRE
                        + "=true to fail instead of skipping)");
            }
        }
    }

    private static Object startOrRemember(Class<?> type) {
        try {
            return STARTERS.get(type).get();
        } catch (RuntimeException e) {
            return new FailedStart(e);
        }
    }

    private static void heal(Broker broker) {
        broker.thaw();
        if (!broker.isRunning()) {
            broker.restart();
        }
    }

    /**
     * The store of the top-level class context: the ancestor whose parent is the engine context,
     * the only context without a parent. Nested classes and methods thus share their class's brokers.
     */
    private static Store store(ExtensionContext context) {
        ExtensionContext topLevel = context;
        while (topLevel.getParent().flatMap(ExtensionContext::getParent).isPresent()) {
            topLevel = topLevel.getParent().orElseThrow();
        }
        return topLevel.getStore(NAMESPACE);
    }
}
