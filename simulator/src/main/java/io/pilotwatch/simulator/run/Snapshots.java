package io.pilotwatch.simulator.run;

import io.pilotwatch.simulator.publish.MessageCounts;
import io.pilotwatch.simulator.truth.TruthHeader;
import io.pilotwatch.simulator.truth.TruthRecorder;
import io.pilotwatch.simulator.truth.TruthReport;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the ground truth at the end, and with {@code --truth-every} also during the run (checked between
 * simulation steps), each time replacing the file atomically. A snapshot has {@code "complete": false} and
 * covers what was generated up to the simulated time reached; messages still held back by fault injection
 * are counted once they are published.
 */
final class Snapshots {

    private static final Logger log = LoggerFactory.getLogger(Snapshots.class);

    private final Optional<Path> target;
    private final long everyNanos;
    private final TruthRecorder truth;
    private final TruthHeader header;
    private final MessageCounts counts;
    private final TruthReport report = new TruthReport(TruthFile.MAPPER);
    private long nextNanos;

    Snapshots(RunOptions options, TruthRecorder truth, TruthHeader header, MessageCounts counts) {
        this.target = options.truthOut();
        this.everyNanos = options.truthEvery().map(java.time.Duration::toNanos).orElse(0L);
        this.truth = truth;
        this.header = header;
        this.counts = counts;
        this.nextNanos = System.nanoTime() + everyNanos;
    }

    void maybeWrite(long simulatedUntil) {
        if (target.isPresent() && everyNanos > 0 && System.nanoTime() - nextNanos >= 0) {
            TruthFile.write(target.get(), report.build(truth, header, counts, simulatedUntil, false));
            log.debug("Ground truth snapshot written to {}", target.get());
            nextNanos = System.nanoTime() + everyNanos;
        }
    }

    /** The final truth; returns where it went. */
    Optional<String> write(long simulatedUntil, boolean complete) {
        target.ifPresent(path -> TruthFile.write(path, report.build(truth, header, counts, simulatedUntil, complete)));
        target.ifPresent(path -> log.info("Ground truth written to {}", path.toAbsolutePath()));
        return target.map(path -> path.toAbsolutePath().toString());
    }
}
