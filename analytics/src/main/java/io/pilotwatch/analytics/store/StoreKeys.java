package io.pilotwatch.analytics.store;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * Keys of the state stores. They start with the plant and sort by time within a line, so that a period is
 * one range scan. Ids never contain {@code /}, and {@code ~} sorts after every id character.
 */
public final class StoreKeys {

    /** Sorts after every character of an id: the end of a prefix range. */
    public static final String END = "~";

    private StoreKeys() {
    }

    public static String day(String plant, String line, LocalDate date) {
        return plant + "/" + line + "/" + date;
    }

    public static String month(String plant, String line, YearMonth month) {
        return plant + "/" + line + "/" + month;
    }

    public static String station(String plant, String line, String station) {
        return plant + "/" + line + "/" + station;
    }

    public static String stationsOf(String plant, String line) {
        return plant + "/" + line + "/";
    }

    /**
     * The key of the ids a station sent in one boot with {@code ts} on {@code day} (plant-local), in one block of
     * sequence numbers. Dedup keys start with plant and day, so that expired days are one range to delete.
     */
    public static String dedup(String plant, LocalDate day, String line, String station, long boot, long block) {
        return plant + "/" + day + "/" + line + "/" + station + "/" + boot + "/" + block;
    }

    /** The first dedup key of {@code plant}. */
    public static String dedupStart(String plant) {
        return plant + "/";
    }

    /** A key after every dedup key of {@code plant} for days before {@code day}. */
    public static String dedupBefore(String plant, LocalDate day) {
        return plant + "/" + day;
    }
}
