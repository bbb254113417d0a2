package io.pilotwatch.simulator.truth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pilotwatch.simulator.publish.MessageCounts;
import io.pilotwatch.simulator.publish.Origin;
import io.pilotwatch.telemetry.Kind;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Builds the ground-truth document (format {@value #FORMAT}, described in docs/simulator.md) from a
 * {@link TruthRecorder}. Does not change the recorder, so it can be called for snapshots during a run.
 */
public final class TruthReport {

    public static final String FORMAT = "pilotwatch-simulator-truth/1";

    private final ObjectMapper mapper;

    public TruthReport(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * @param simulatedUntil the simulated time reached: each plant's truth ends at the earlier of this and its
     *                       window end (use {@link Long#MAX_VALUE} for a completed run)
     * @param complete       whether the whole window was simulated
     */
    public ObjectNode build(TruthRecorder recorder, TruthHeader header, MessageCounts counts, long simulatedUntil,
                            boolean complete) {
        ObjectNode root = mapper.createObjectNode();
        root.put("format", FORMAT);
        root.put("scenario", header.scenario());
        root.put("seed", header.seed());
        root.put("mode", header.mode());
        ObjectNode window = root.putObject("window");
        window.put("from", header.from());
        window.put("until", header.until().orElse(null));
        root.put("complete", complete);
        root.set("faults", mapper.valueToTree(header.faults()));
        root.set("messages", messages(counts, recorder));
        ArrayNode plants = root.putArray("plants");
        for (PlantTruth plant : recorder.plants) {
            plants.add(plant(plant, Math.min(simulatedUntil, plant.endMillis)));
        }
        return root;
    }

    private JsonNode messages(MessageCounts counts, TruthRecorder recorder) {
        ObjectNode node = mapper.createObjectNode();
        node.put("published", counts.total());
        for (Origin origin : Origin.values()) {
            ObjectNode byKind = node.putObject(switch (origin) {
                case REAL -> "real";
                case DUPLICATE -> "duplicates";
                case MALFORMED -> "malformed";
            });
            for (Kind kind : Kind.values()) {
                byKind.put(kind.wireName(), counts.of(origin, kind));
            }
            byKind.put("total", counts.of(origin));
        }
        node.put("valid", counts.of(Origin.REAL) + counts.of(Origin.DUPLICATE));
        ObjectNode retained = node.putObject("retained");
        retained.put("publishes", counts.retained());
        int stations = 0;
        for (PlantTruth plant : recorder.plants) {
            for (LineTruth line : plant.lines.values()) {
                stations += (int) line.stations.stream().filter(station -> station.profiled).count();
            }
        }
        retained.put("topics", stations);
        return node;
    }

    private ObjectNode plant(PlantTruth plant, long until) {
        ObjectNode node = mapper.createObjectNode();
        node.put("plant", plant.spec.id());
        node.put("name", plant.spec.name());
        node.put("timezone", plant.spec.timezone());
        node.put("currency", plant.spec.currency());
        node.put("start", time(plant, plant.startMillis));
        node.put("simulatedUntil", time(plant, until));
        ObjectNode messages = node.putObject("messages");
        long total = 0;
        for (Kind kind : Kind.values()) {
            messages.put(kind.wireName(), plant.messagesByKind[kind.ordinal()]);
            total += plant.messagesByKind[kind.ordinal()];
        }
        messages.put("total", total);
        List<LineTruth> lines = List.copyOf(plant.lines.values());
        List<SortedMap<YearMonth, MonthStats>> openStates = new ArrayList<>();
        for (LineTruth line : lines) {
            openStates.add(openStateTime(line, until));
        }
        periods(node, plant, lines, openStates, until);
        ArrayNode lineNodes = node.putArray("lines");
        for (int i = 0; i < lines.size(); i++) {
            ObjectNode lineNode = lineNodes.addObject();
            lineNode.put("line", lines.get(i).id);
            periods(lineNode, plant, List.of(lines.get(i)), List.of(openStates.get(i)), until);
        }
        return node;
    }

    /** State time of each station's current state up to {@code until}, which the recorder has not closed yet. */
    private static SortedMap<YearMonth, MonthStats> openStateTime(LineTruth line, long until) {
        SortedMap<YearMonth, MonthStats> open = new TreeMap<>();
        for (StationTruth station : line.stations) {
            if (station.state != null) {
                line.addStateTime(station.state, station.stateSince, until, open);
            }
        }
        return open;
    }

    private void periods(ObjectNode node, PlantTruth plant, List<LineTruth> lines,
                         List<SortedMap<YearMonth, MonthStats>> openStates, long until) {
        Calendar calendar = plant.calendar;
        ObjectNode years = node.putObject("years");
        ObjectNode months = node.putObject("months");
        if (until <= plant.startMillis) {
            return;
        }
        YearMonth first = calendar.monthOf(plant.startMillis);
        YearMonth last = calendar.monthOf(until - 1);
        for (int year = first.getYear(); year <= last.getYear(); year++) {
            YearMonth from = year == first.getYear() ? first : YearMonth.of(year, 1);
            YearMonth to = year == last.getYear() ? last : YearMonth.of(year, 12);
            period(years.putObject(Integer.toString(year)), plant, lines, openStates, from, to, until,
                    calendar.startOf(YearMonth.of(year, 1)), calendar.endOf(YearMonth.of(year, 12)));
        }
        for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
            period(months.putObject(month.toString()), plant, lines, openStates, month, month, until,
                    calendar.startOf(month), calendar.endOf(month));
        }
    }

    private void period(ObjectNode node, PlantTruth plant, List<LineTruth> lines,
                        List<SortedMap<YearMonth, MonthStats>> openStates, YearMonth from, YearMonth to, long until,
                        long periodStart, long periodEnd) {
        node.put("start", time(plant, periodStart));
        node.put("end", time(plant, periodEnd));
        node.put("complete", periodStart >= plant.startMillis && periodEnd <= until);
        MonthStats sum = new MonthStats();
        int key = 0;
        int cncKey = 0;
        for (int i = 0; i < lines.size(); i++) {
            LineTruth line = lines.get(i);
            for (SortedMap<YearMonth, MonthStats> source : List.of(line.months, openStates.get(i))) {
                source.subMap(from, to.plusMonths(1)).values().forEach(sum::addAll);
            }
            // Every profile generated so far has ts < periodEnd when the period is not over yet.
            LineTruth.CncCount cnc = line.cncBefore(periodEnd);
            key += cnc.keyStations();
            cncKey += cnc.cncKeyStations();
        }
        Kpis.write(node, sum, key, cncKey);
    }

    private static String time(PlantTruth plant, long millis) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(Instant.ofEpochMilli(millis).atZone(plant.calendar.zone())
                .toOffsetDateTime());
    }
}
