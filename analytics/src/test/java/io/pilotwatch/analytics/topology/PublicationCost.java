package io.pilotwatch.analytics.topology;

import io.pilotwatch.analytics.Events;
import io.pilotwatch.telemetry.CostCategory;
import io.pilotwatch.telemetry.MachineState;
import io.pilotwatch.telemetry.UnitResult;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.function.IntPredicate;

/**
 * The CPU cost of the KPI publication punctuation (docs/benchmarks.md): loads a state like the analytics
 * benchmark's (plants x lines x stations, every line every day from 2025-01-01) into the topology under
 * {@link org.apache.kafka.streams.TopologyTestDriver}, then times publications, in the stream thread's CPU
 * time, after one event of every plant, of one plant, and of none. Not a test: run its {@code main}
 * (arguments: days, plants, lines, stations, units per line and day, repetitions).
 */
public final class PublicationCost {

    private final int plants;
    private final int lines;
    private final int stations;
    private final Events[][][] events;
    private final Random random = new Random(42);

    private PublicationCost(int plants, int lines, int stations) {
        this.plants = plants;
        this.lines = lines;
        this.stations = stations;
        events = new Events[plants][lines][stations];
        for (int p = 0; p < plants; p++) {
            for (int l = 0; l < lines; l++) {
                for (int s = 0; s < stations; s++) {
                    events[p][l][s] = Events.station("plant-" + p, "l" + l, "s" + s);
                }
            }
        }
    }

    public static void main(String[] args) throws Exception {
        int days = arg(args, 0, 90);
        int plants = arg(args, 1, 6);
        int lines = arg(args, 2, 4);
        int stations = arg(args, 3, 5);
        int unitsPerDay = arg(args, 4, 12);
        int repetitions = arg(args, 5, 20);
        Path state = Files.createTempDirectory("publication-cost");
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        try (TopologyHarness harness = new TopologyHarness(state, Map.of())) {
            PublicationCost load = new PublicationCost(plants, lines, stations);
            long began = System.nanoTime();
            LocalDate start = LocalDate.of(2025, 1, 1);
            load.profiles(harness, start);
            for (int d = 0; d < days; d++) {
                load.day(harness, start.plusDays(d), unitsPerDay);
            }
            System.out.printf("Loaded %d days x %d plants x %d lines x %d stations in %.1f s (load average %.2f)%n",
                    days, plants, lines, stations, (System.nanoTime() - began) / 1e9,
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            LocalDate last = start.plusDays(days - 1);
            System.out.printf("first publication: %.1f ms CPU%n", timeOne(harness, cpu));
            report("every plant changed", load.time(harness, cpu, repetitions, last, p -> true));
            report("one plant changed", load.time(harness, cpu, repetitions, last, p -> p == 0));
            report("nothing changed", load.time(harness, cpu, repetitions, last, p -> false));
            System.out.printf("load average %.2f%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private double[] time(TopologyHarness harness, ThreadMXBean cpu, int repetitions, LocalDate day,
                          IntPredicate changed) {
        double[] millis = new double[repetitions];
        for (int i = 0; i < repetitions; i++) {
            for (int p = 0; p < plants; p++) {
                if (changed.test(p)) {
                    Events station = events[p][0][0];
                    harness.send(station.key(), station.cost(day + "T23:%02d".formatted(i % 60), CostCategory.LABOR,
                            "1.5", "CNY", null));
                }
            }
            millis[i] = timeOne(harness, cpu);
        }
        return millis;
    }

    private static double timeOne(TopologyHarness harness, ThreadMXBean cpu) {
        long before = cpu.getCurrentThreadCpuTime();
        harness.publish();
        double millis = (cpu.getCurrentThreadCpuTime() - before) / 1e6;
        harness.kpi.readKeyValuesToList();
        return millis;
    }

    private static void report(String what, double[] millis) {
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        System.out.printf("%s: median %.1f ms CPU, mean %.1f ms, max %.1f ms per publication (%d)%n", what,
                sorted[sorted.length / 2], Arrays.stream(sorted).average().orElse(0), sorted[sorted.length - 1],
                sorted.length);
    }

    private void profiles(TopologyHarness harness, LocalDate start) {
        for (Events[][] plant : events) {
            for (Events[] line : plant) {
                for (int s = 0; s < line.length; s++) {
                    harness.send(line[s].key(), line[s].profile(start + "T00:00", s % 2 == 0, s % 4 == 0,
                            60.0 + 30 * s));
                }
            }
        }
    }

    /** Per line: units over the day, a labour and an energy cost, and a few state changes. */
    private void day(TopologyHarness harness, LocalDate day, int unitsPerDay) {
        for (int p = 0; p < plants; p++) {
            for (int l = 0; l < lines; l++) {
                Events[] line = events[p][l];
                int minutesApart = 24 * 60 / (unitsPerDay + 1);
                for (int u = 1; u <= unitsPerDay; u++) {
                    int minute = u * minutesApart;
                    Events station = line[random.nextInt(stations)];
                    harness.send(station.key(), station.unit(day + "T%02d:%02d".formatted(minute / 60, minute % 60),
                            Duration.ofSeconds(40 + random.nextInt(360)),
                            random.nextInt(100) < 95 ? UnitResult.GOOD : UnitResult.DEFECT));
                }
                harness.send(line[0].key(), line[0].cost(day + "T12:00", CostCategory.LABOR, "120.00", "CNY", null));
                harness.send(line[1 % stations].key(), line[1 % stations].cost(day + "T12:01", CostCategory.ENERGY,
                        "30.00", "CNY", "45.0"));
                Events station = line[random.nextInt(stations)];
                harness.send(station.key(), station.state(day + "T06:00", MachineState.RUNNING));
                harness.send(station.key(), station.state(day + "T11:30", MachineState.IDLE));
                harness.send(station.key(), station.state(day + "T12:30", MachineState.RUNNING));
            }
        }
    }

    private static int arg(String[] args, int index, int fallback) {
        return args.length > index ? Integer.parseInt(args[index]) : fallback;
    }
}
