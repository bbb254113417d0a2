package io.pilotwatch.ingest.mqtt;

import io.pilotwatch.ingest.config.IngestConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Bounds what password checks cost: PBKDF2 runs on a small pool of its own (never on Vert.x's shared workers), at
 * most {@code ingest.listen.login.max.pending} logins are hashing or waiting for it, and one source address may
 * start at most {@code ingest.listen.login.rate.per.address} logins per second. A login over a bound is not hashed
 * at all: the caller refuses it as "server busy" and the device retries later.
 */
final class LoginGate {

    /** Why a login was not checked. */
    enum Refusal {
        LOGIN_BUSY("login_busy"), LOGIN_RATE("login_rate");

        final String reason;

        Refusal(String reason) {
            this.reason = reason;
        }
    }

    /** Thrown (as the future's failure) when a login was not checked. */
    static final class Refused extends RuntimeException {
        final Refusal refusal;

        Refused(Refusal refusal) {
            super(refusal.reason, null, false, false);
            this.refusal = refusal;
        }
    }

    /** Addresses remembered for the rate; the least recently seen is forgotten first (it then starts afresh). */
    private static final int MAX_ADDRESSES = 10_000;

    private final Credentials credentials;
    private final WorkerExecutor pool;
    private final int maxPending;
    private final int ratePerSecond;
    private final LongSupplier nanoTime;
    private final Map<String, TokenBucket> buckets = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, TokenBucket> eldest) {
            return size() > MAX_ADDRESSES;
        }
    };
    private int pending;

    LoginGate(Vertx vertx, Credentials credentials, IngestConfig.ListenGuards guards, LongSupplier nanoTime) {
        this.credentials = credentials;
        this.pool = vertx.createSharedWorkerExecutor("pilotwatch-login", guards.loginThreads());
        this.maxPending = guards.loginMaxPending();
        this.ratePerSecond = guards.loginRatePerAddress();
        this.nanoTime = nanoTime;
    }

    /**
     * Checks a login off the event loop. Call on the event loop.
     *
     * @return the user's scope, empty if unknown or wrong; fails with {@link Refused} if a bound was reached
     */
    Future<Optional<Scope>> verify(String address, String username, byte[] password) {
        synchronized (this) {
            if (!buckets.computeIfAbsent(address, a -> new TokenBucket(ratePerSecond, nanoTime.getAsLong()))
                    .tryTake(nanoTime.getAsLong())) {
                return Future.failedFuture(new Refused(Refusal.LOGIN_RATE));
            }
            if (pending >= maxPending) {
                return Future.failedFuture(new Refused(Refusal.LOGIN_BUSY));
            }
            pending++;
        }
        return pool.executeBlocking(() -> credentials.verify(username, password), false).andThen(done -> {
            synchronized (this) {
                pending--;
            }
        });
    }

    /** Password hashes computed so far, known and unknown users alike. */
    long hashesComputed() {
        return credentials.hashesComputed();
    }

    Future<Void> close() {
        return pool.close();
    }

    /** Up to {@code rate} logins at once, refilled at {@code rate} per second. */
    private static final class TokenBucket {
        private final int rate;
        private double tokens;
        private long updatedNanos;

        TokenBucket(int rate, long now) {
            this.rate = rate;
            this.tokens = rate;
            this.updatedNanos = now;
        }

        boolean tryTake(long now) {
            tokens = Math.min(rate, tokens + (now - updatedNanos) * rate / (double) TimeUnit.SECONDS.toNanos(1));
            updatedNanos = now;
            if (tokens < 1) {
                return false;
            }
            tokens--;
            return true;
        }
    }
}
