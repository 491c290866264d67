package io.clustersim.raft.faulttolerance;

import java.util.List;

/**
 * One fault in a schedule. Times are in thousandths of a "unit", the profile's minimum election
 * delay (1s for hashicorp's HT, 150ms for the paper), so schedules stress every profile on its own
 * time scale. Servers are numbered from 0: voters, then non-voters.
 */
sealed interface Fault {
    /** When the fault starts, in thousandths of a unit. */
    long atMilliUnits();

    /** Kills the server (losing unsynced writes) and restarts it {@code downMilliUnits} later. */
    record Crash(int server, long atMilliUnits, long downMilliUnits) implements Fault {}

    /**
     * Cuts the links between {@code sideA} and {@code sideB} (only A to B if {@code oneWay});
     * servers in neither side keep talking to both, as a bridge.
     */
    record Partition(List<Integer> sideA, List<Integer> sideB, boolean oneWay, long atMilliUnits,
            long durationMilliUnits) implements Fault {}

    /** Freezes the server (a long GC pause): its timers and messages wait until it resumes. */
    record Pause(int server, long atMilliUnits, long durationMilliUnits) implements Fault {}

    /** Makes the network lose and duplicate messages for a while. */
    record Lossy(long atMilliUnits, long durationMilliUnits, double lossProbability, double duplicationProbability)
            implements Fault {}

    /** Asks the current leader to transfer leadership to the most up-to-date voter. */
    record Transfer(long atMilliUnits) implements Fault {}

    /**
     * A nemesis: for {@code windowMilliUnits}, every server that grants a vote is crashed
     * {@code delayMicros} later and restarted {@code downMilliUnits} after that.
     */
    record CrashVoters(long atMilliUnits, long windowMilliUnits, long delayMicros, long downMilliUnits)
            implements Fault {}

    /**
     * A nemesis: for {@code windowMilliUnits}, every newly elected leader is crashed
     * {@code delayMicros} after its election and restarted {@code downMilliUnits} later.
     */
    record CrashLeaders(long atMilliUnits, long windowMilliUnits, long delayMicros, long downMilliUnits)
            implements Fault {}

    /**
     * A nemesis: for {@code windowMilliUnits}, every newly elected leader is cut off from all other
     * servers {@code delayMicros} after its election, for {@code isolationMilliUnits}.
     */
    record IsolateLeaders(long atMilliUnits, long windowMilliUnits, long delayMicros, long isolationMilliUnits)
            implements Fault {}
}
