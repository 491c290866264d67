package io.clustersim.raft.config;

/**
 * A Raft setting that cannot work, naming the setting by the key a scenario file uses for it
 * (e.g. {@code leaderLeaseTimeout}), so that a reader can point at the offending line.
 */
public final class InvalidSetting extends IllegalArgumentException {
    private final String key;

    public InvalidSetting(String key, String message) {
        super(key + ": " + message);
        this.key = key;
    }

    /** The setting's key, as in a scenario's {@code raft:} section. */
    public String key() {
        return key;
    }

    /** The message without the key. */
    public String problem() {
        return getMessage().substring(key.length() + 2);
    }
}
