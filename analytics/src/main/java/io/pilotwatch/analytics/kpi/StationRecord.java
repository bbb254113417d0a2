package io.pilotwatch.analytics.kpi;

import io.pilotwatch.telemetry.MachineState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the analytics keep per station: every profile (they are few: one per start or retrofit) and the
 * recent state changes, in event-time order.
 *
 * <p>State time is counted when the next change arrives. A change that arrives out of order (inside the
 * grace period) splits an interval that was already counted: {@link #insertState} returns the time to take
 * back from the old state and give to the new one, so the totals end up as if events had come in order.
 * Changes older than the oldest open month are pruned, except the one in force at that point.
 */
public final class StationRecord {

    private final List<Profile> profiles = new ArrayList<>();
    private final List<StateChange> states = new ArrayList<>();

    /** Adds a profile; one with the same time replaces it (a retained profile published again). */
    public void applyProfile(Profile profile) {
        int index = 0;
        while (index < profiles.size() && profiles.get(index).tsMillis() < profile.tsMillis()) {
            index++;
        }
        if (index < profiles.size() && profiles.get(index).tsMillis() == profile.tsMillis()) {
            profiles.set(index, profile);
        } else {
            profiles.add(index, profile);
        }
    }

    /** The latest profile with a time before {@code exclusiveEnd}. */
    public Optional<Profile> profileBefore(long exclusiveEnd) {
        Profile latest = null;
        for (Profile profile : profiles) {
            if (profile.tsMillis() >= exclusiveEnd) {
                break;
            }
            latest = profile;
        }
        return Optional.ofNullable(latest);
    }

    /**
     * Records that the station entered {@code state} at {@code tsMillis} and returns the state time this
     * settles: the closed interval before it when it is the latest change, or the correction when it falls
     * between two known changes. Changes with equal times keep their arrival order.
     */
    public List<StateSpan> insertState(long tsMillis, MachineState state) {
        int index = 0;
        while (index < states.size() && states.get(index).tsMillis() <= tsMillis) {
            index++;
        }
        StateChange previous = index > 0 ? states.get(index - 1) : null;
        StateChange next = index < states.size() ? states.get(index) : null;
        List<StateSpan> spans = new ArrayList<>(2);
        if (next != null) {
            if (previous != null) {
                spans.add(new StateSpan(previous.state(), tsMillis, next.tsMillis(), -1));
            }
            spans.add(new StateSpan(state, tsMillis, next.tsMillis(), +1));
        } else if (previous != null) {
            spans.add(new StateSpan(previous.state(), previous.tsMillis(), tsMillis, +1));
        }
        states.add(index, new StateChange(tsMillis, state));
        return spans;
    }

    /** The latest state change: its time to now is not counted yet. */
    public Optional<StateChange> currentState() {
        return states.isEmpty() ? Optional.empty() : Optional.of(states.get(states.size() - 1));
    }

    /** Drops changes before {@code millis} that a later change, at or before it, supersedes. */
    public void pruneStatesBefore(long millis) {
        while (states.size() > 1 && states.get(1).tsMillis() <= millis) {
            states.remove(0);
        }
    }

    public List<Profile> profiles() {
        return List.copyOf(profiles);
    }

    public List<StateChange> states() {
        return List.copyOf(states);
    }
}
