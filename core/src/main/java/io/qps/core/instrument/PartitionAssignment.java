package io.qps.core.instrument;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Which partition of a session's ticks topic carries each instrument's events. Every event of an instrument goes to
 * its one partition, so that partition's task sees the instrument's events in {@code seq} order.
 *
 * <p>The assignment is part of the session (recorded in its manifest), never recomputed by a reader: outputs must not
 * depend on it, only the spread of work across partitions does.
 *
 * @param partitions the partition count, at least 1
 * @param partitionOf the partition of each instrument, indexed by instrument id, each in {@code [0, partitions)};
 *     copied on the way in and out
 */
public record PartitionAssignment(int partitions, int[] partitionOf) {

    public PartitionAssignment {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1, was " + partitions);
        }
        partitionOf = partitionOf.clone();
        for (int i = 0; i < partitionOf.length; i++) {
            if (partitionOf[i] < 0 || partitionOf[i] >= partitions) {
                throw new IllegalArgumentException("instrument " + i + " assigned to partition " + partitionOf[i]
                        + ", outside 0.." + (partitions - 1));
            }
        }
    }

    /**
     * A balanced assignment by greedy LPT (longest processing time first), deterministic: the units are the
     * {@code groups} (instruments that must share a partition, e.g. the two legs of a pair) and every other
     * instrument alone; units are taken by event count descending (ties: the unit holding the lowest instrument id
     * first), each onto the partition with the fewest events so far (ties: the lowest partition index).
     *
     * @param eventsPerInstrument events of each instrument, indexed by instrument id (non-negative)
     * @param partitions the partition count, at least 1
     * @param groups instrument ids that must share a partition; an instrument is in at most one group
     * @throws IllegalArgumentException on a negative count, an unknown or repeated instrument id, or an empty group
     */
    public static PartitionAssignment balanced(long[] eventsPerInstrument, int partitions, List<int[]> groups) {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1, was " + partitions);
        }
        int n = eventsPerInstrument.length;
        for (int i = 0; i < n; i++) {
            if (eventsPerInstrument[i] < 0) {
                throw new IllegalArgumentException("instrument " + i + " has a negative event count");
            }
        }
        boolean[] grouped = new boolean[n];
        List<Unit> units = new ArrayList<>();
        for (int[] group : groups) {
            if (group.length == 0) {
                throw new IllegalArgumentException("an empty instrument group");
            }
            for (int id : group) {
                if (id < 0 || id >= n) {
                    throw new IllegalArgumentException("group names instrument " + id + ", outside 0.." + (n - 1));
                }
                if (grouped[id]) {
                    throw new IllegalArgumentException("instrument " + id + " is in more than one group");
                }
                grouped[id] = true;
            }
            units.add(Unit.of(group, eventsPerInstrument));
        }
        for (int id = 0; id < n; id++) {
            if (!grouped[id]) {
                units.add(Unit.of(new int[] {id}, eventsPerInstrument));
            }
        }
        units.sort(Comparator.comparingLong((Unit u) -> u.events()).reversed().thenComparingInt(Unit::lowestId));
        long[] load = new long[partitions];
        int[] partitionOf = new int[n];
        for (Unit u : units) {
            int target = 0;
            for (int p = 1; p < partitions; p++) {
                if (load[p] < load[target]) {
                    target = p;
                }
            }
            load[target] = Math.addExact(load[target], u.events());
            for (int id : u.ids()) {
                partitionOf[id] = target;
            }
        }
        return new PartitionAssignment(partitions, partitionOf);
    }

    /** A copy of the partition of each instrument, indexed by instrument id. */
    @Override
    public int[] partitionOf() {
        return partitionOf.clone();
    }

    /** The partition of instrument {@code id}. */
    public int partitionOf(int id) {
        return partitionOf[id];
    }

    /** How many instruments are assigned. */
    public int instruments() {
        return partitionOf.length;
    }

    /** Events each partition carries, given the events of each instrument (indexed by instrument id). */
    public long[] eventsPerPartition(long[] eventsPerInstrument) {
        if (eventsPerInstrument.length != partitionOf.length) {
            throw new IllegalArgumentException(eventsPerInstrument.length + " event counts for "
                    + partitionOf.length + " instruments");
        }
        long[] load = new long[partitions];
        for (int i = 0; i < partitionOf.length; i++) {
            load[partitionOf[i]] = Math.addExact(load[partitionOf[i]], eventsPerInstrument[i]);
        }
        return load;
    }

    /** The busiest partition's share of all events, in [0, 1] (0 when there are none). */
    public double maxShare(long[] eventsPerInstrument) {
        long[] load = eventsPerPartition(eventsPerInstrument);
        long total = 0;
        long max = 0;
        for (long l : load) {
            total = Math.addExact(total, l);
            max = Math.max(max, l);
        }
        return total == 0 ? 0.0 : (double) max / total;
    }

    /** Symbol→partition in instrument id order, e.g. {@code BTC-USD→0 ETH-USD→1 XOM→2}. */
    public String describe(Universe universe) {
        if (universe.size() != partitionOf.length) {
            throw new IllegalArgumentException("a universe of " + universe.size() + " instruments for an assignment of "
                    + partitionOf.length);
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < partitionOf.length; i++) {
            sb.append(i == 0 ? "" : " ").append(universe.get(i).symbol()).append('→').append(partitionOf[i]);
        }
        return sb.toString();
    }

    /** The compact text form {@code <partitions>:<partition of instrument 0>,<of 1>,...}, e.g. {@code 6:0,1,2}. */
    public String format() {
        StringBuilder sb = new StringBuilder().append(partitions).append(':');
        for (int i = 0; i < partitionOf.length; i++) {
            sb.append(i == 0 ? "" : ",").append(partitionOf[i]);
        }
        return sb.toString();
    }

    /**
     * The assignment written by {@link #format()}.
     *
     * @throws IllegalArgumentException if {@code text} is not in that form
     */
    public static PartitionAssignment parse(String text) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("invalid partition assignment '" + text
                    + "': expected <partitions>:<p0>,<p1>,... e.g. 6:0,1,2");
        }
        try {
            int partitions = Integer.parseInt(text.substring(0, colon).trim());
            String rest = text.substring(colon + 1).trim();
            int[] of = rest.isEmpty() ? new int[0]
                    : Arrays.stream(rest.split(",")).mapToInt(s -> Integer.parseInt(s.trim())).toArray();
            return new PartitionAssignment(partitions, of);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid partition assignment '" + text + "': " + e.getMessage(), e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PartitionAssignment a && a.partitions == partitions
                && Arrays.equals(a.partitionOf, partitionOf);
    }

    @Override
    public int hashCode() {
        return 31 * partitions + Arrays.hashCode(partitionOf);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "PartitionAssignment[%s]", format());
    }

    private record Unit(int[] ids, long events, int lowestId) {
        static Unit of(int[] ids, long[] eventsPerInstrument) {
            long events = 0;
            int lowest = Integer.MAX_VALUE;
            for (int id : ids) {
                events = Math.addExact(events, eventsPerInstrument[id]);
                lowest = Math.min(lowest, id);
            }
            return new Unit(ids.clone(), events, lowest);
        }
    }
}
