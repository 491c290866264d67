package io.clustersim.raft.log;

import io.clustersim.raft.membership.Configuration;
import java.util.Objects;

/** What a log entry carries. */
public sealed interface EntryPayload permits EntryPayload.NoOp, EntryPayload.Write, EntryPayload.ConfigChange {

    /** Bytes on disk and on the wire, without the entry header. */
    int sizeBytes();

    /** A content digest (see {@link Digest}). */
    long digest();

    /**
     * The entry a new leader appends at the start of its term so that it can commit entries of
     * earlier terms through it (Raft paper, sections 5.4.2 and 8).
     */
    record NoOp() implements EntryPayload {
        @Override
        public int sizeBytes() {
            return 0;
        }

        @Override
        public long digest() {
            return 1;
        }
    }

    /** A client's command for the state machine. */
    record Write(RequestId requestId, LogCommand command) implements EntryPayload {
        public Write {
            Objects.requireNonNull(requestId, "requestId");
            Objects.requireNonNull(command, "command");
        }

        @Override
        public int sizeBytes() {
            return 16 + command.sizeBytes();
        }

        @Override
        public long digest() {
            return Digest.mix(Digest.mix(2, requestId.digest()), command.digest());
        }
    }

    /**
     * A new cluster configuration. It takes effect as soon as it is in a server's log, committed
     * or not (thesis, section 4.1; hashicorp/raft's "latest configuration").
     */
    record ConfigChange(Configuration configuration) implements EntryPayload {
        public ConfigChange {
            Objects.requireNonNull(configuration, "configuration");
        }

        @Override
        public int sizeBytes() {
            return 32 * configuration.size();
        }

        @Override
        public long digest() {
            return Digest.mix(3, configuration.digest());
        }
    }
}
