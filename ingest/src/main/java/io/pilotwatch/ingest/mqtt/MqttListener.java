package io.pilotwatch.ingest.mqtt;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.mqtt.MqttDecoder;
import io.netty.handler.codec.mqtt.MqttEncoder;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.ReferenceCountUtil;
import io.pilotwatch.ingest.config.IngestConfig;
import io.pilotwatch.ingest.metrics.IngestMetrics;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.internal.net.NetSocketInternal;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import io.vertx.mqtt.MqttEndpoint;
import io.vertx.mqtt.MqttServerOptions;
import io.vertx.mqtt.impl.MqttServerConnection;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The TCP side of listen mode: vertx-mqtt's decoding, but our own accept loop, because {@code MqttServer} hides what
 * bounding a connection needs. Every socket counts toward {@code ingest.listen.max.connections} from the moment it
 * is accepted, not only after login; CONNECT must arrive within {@code ingest.listen.connect.timeout.seconds} of the
 * accept (an absolute deadline: a trickle of bytes does not extend it); a client with keep-alive 0 is closed after
 * {@code ingest.listen.max.idle.seconds} of silence; and the handler gets the {@link NetSocket} with the endpoint, so
 * that it can stop reading a client's socket (TCP backpressure) while the client's messages are in flight.
 *
 * <p>Written against vertx-mqtt 5.0.7's {@code MqttServerImpl}: same pipeline handler names, which its
 * {@code MqttServerConnection} removes after CONNECT. WebSocket transport is not offered.
 */
final class MqttListener {

    private static final Logger LOG = LoggerFactory.getLogger(MqttListener.class);
    /** vertx-mqtt's per-message entry point is package-private; resolved once, so a changed version fails at start. */
    private static final MethodHandle HANDLE_MESSAGE = handleMessage();

    private final Vertx vertx;
    private final MqttServerOptions options;
    private final IngestConfig.Listen config;
    private final IngestMetrics metrics;
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger pending = new AtomicInteger();
    private NetServer server;

    MqttListener(Vertx vertx, MqttServerOptions options, IngestConfig.Listen config, IngestMetrics metrics) {
        this.vertx = vertx;
        this.options = options;
        this.config = config;
        this.metrics = metrics;
    }

    /** Starts accepting; {@code onConnect} gets each CONNECT with its socket, on the connection's event loop. */
    Future<Integer> listen(BiConsumer<MqttEndpoint, NetSocket> onConnect) {
        server = vertx.createNetServer(options);
        server.connectHandler(socket -> accept((NetSocketInternal) socket, onConnect));
        return server.listen(options.getPort(), options.getHost()).map(NetServer::actualPort);
    }

    int actualPort() {
        return server.actualPort();
    }

    /** Open sockets, logged in or not. */
    int open() {
        return open.get();
    }

    /** Sockets that have not sent CONNECT yet. */
    int pending() {
        return pending.get();
    }

    Future<Void> close() {
        return server == null ? Future.succeededFuture() : server.close();
    }

    private void accept(NetSocketInternal socket, BiConsumer<MqttEndpoint, NetSocket> onConnect) {
        ChannelHandlerContext channel = socket.channelHandlerContext();
        if (open.incrementAndGet() > config.maxConnections()) {
            open.decrementAndGet();
            metrics.connectionRefused("max_connections");
            LOG.warn("Closed a new connection from {}: {} connections (logged in or not) is the limit "
                    + "(ingest.listen.max.connections)", socket.remoteAddress(), config.maxConnections());
            channel.close();
            return;
        }
        pending.incrementAndGet();
        boolean[] connected = {false};
        long deadline = vertx.setTimer(config.guards().connectTimeout().toMillis(), id -> {
            if (!connected[0]) {
                metrics.connectionTimedOut("connect");
                LOG.warn("Closed connection from {}: no CONNECT within {} s (ingest.listen.connect.timeout.seconds)",
                        socket.remoteAddress(), config.guards().connectTimeout().toSeconds());
                channel.close();
            }
        });
        // Netty's own close event: vertx-mqtt replaces the socket's close handler once CONNECT arrives.
        channel.channel().closeFuture().addListener(f -> {
            open.decrementAndGet();
            if (!connected[0]) {
                connected[0] = true;
                pending.decrementAndGet();
                vertx.cancelTimer(deadline);
            }
        });
        installCodec(channel.pipeline());
        MqttServerConnection connection = new MqttServerConnection(socket, endpoint -> {
            if (!connected[0]) {
                connected[0] = true;
                pending.decrementAndGet();
                vertx.cancelTimer(deadline);
            }
            if (endpoint.keepAliveTimeSeconds() == 0) {
                closeWhenIdle(channel.pipeline(), endpoint);
            }
            onConnect.accept(endpoint, socket);
        }, e -> LOG.debug("MQTT connection error from {}: {}", socket.remoteAddress(), e.toString()), options);
        socket.eventHandler(ReferenceCountUtil::release);
        socket.messageHandler(message -> {
            synchronized (connection) {
                dispatch(connection, message);
            }
        });
    }

    /** As vertx-mqtt's server does; "idle" and "timeoutOnConnect" must exist, its connection removes them. */
    private void installCodec(ChannelPipeline pipeline) {
        pipeline.addBefore("handler", "mqttEncoder", MqttEncoder.INSTANCE);
        pipeline.addBefore("handler", "mqttDecoder",
                new MqttDecoder(options.getMaxMessageSize(), options.getMaxClientIdLength()));
        long seconds = config.guards().connectTimeout().toSeconds();
        pipeline.addBefore("handler", "idle", new IdleStateHandler(seconds, 0, 0, TimeUnit.SECONDS));
        pipeline.addBefore("handler", "timeoutOnConnect", new CloseOnIdle(null));
    }

    /** Keep-alive 0 means "no keep-alive" to vertx-mqtt; the bridge still closes a socket silent for too long. */
    private void closeWhenIdle(ChannelPipeline pipeline, MqttEndpoint endpoint) {
        long seconds = config.guards().maxIdle().toSeconds();
        pipeline.addBefore("handler", "maxIdle", new IdleStateHandler(seconds, 0, 0, TimeUnit.SECONDS));
        pipeline.addBefore("handler", "maxIdleClose", new CloseOnIdle(endpoint.clientIdentifier()));
    }

    private final class CloseOnIdle extends ChannelDuplexHandler {
        private final String clientId;

        CloseOnIdle(String clientId) {
            this.clientId = clientId;
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
            if (!(event instanceof IdleStateEvent)) {
                super.userEventTriggered(ctx, event);
                return;
            }
            if (clientId != null) {
                metrics.connectionTimedOut("idle");
                LOG.info("Closed {}: keep-alive 0 and silent for {} s (ingest.listen.max.idle.seconds)", clientId,
                        config.guards().maxIdle().toSeconds());
            }
            ctx.close();
        }
    }

    private static void dispatch(MqttServerConnection connection, Object message) {
        try {
            HANDLE_MESSAGE.invokeExact(connection, message);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private static MethodHandle handleMessage() {
        try {
            return MethodHandles.privateLookupIn(MqttServerConnection.class, MethodHandles.lookup())
                    .findVirtual(MqttServerConnection.class, "handleMessage",
                            MethodType.methodType(void.class, Object.class));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("vertx-mqtt changed: MqttServerConnection.handleMessage(Object) is "
                    + "missing; listen mode is written for vertx-mqtt 5.0.7", e);
        }
    }
}
