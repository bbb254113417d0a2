package io.pilotwatch.analytics.kpi;

import java.util.List;

/**
 * What a figure covers: one line ({@code line} set) or a whole plant (all its lines summed).
 *
 * @param line      the line, or null for the plant
 * @param lines     the lines whose components are summed
 * @param calendar  the plant's calendar
 * @param clockMillis the plant's event-time clock: open state intervals count up to it
 */
public record Scope(String plant, String line, List<String> lines, PlantCalendar calendar, long clockMillis) {

    public Scope {
        lines = List.copyOf(lines);
    }

    public static Scope plant(String plant, List<String> lines, PlantCalendar calendar, long clockMillis) {
        return new Scope(plant, null, lines, calendar, clockMillis);
    }

    public Scope line(String lineId) {
        return new Scope(plant, lineId, List.of(lineId), calendar, clockMillis);
    }

    public boolean isPlant() {
        return line == null;
    }
}
