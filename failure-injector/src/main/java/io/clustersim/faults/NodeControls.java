package io.clustersim.faults;

import io.clustersim.kernel.node.Node;

/**
 * How the injector acts on a process. The default is the kernel's own lifecycle controls; a
 * harness that must also note the fault (e.g. to time failure detection from the crash) wraps
 * them, but still acts only through the kernel.
 */
public interface NodeControls {
    void crash(Node node);

    /** The process is killed while the machine runs on (its in-flight writes still land). */
    default void kill(Node node) {
        node.kill();
    }

    void start(Node node);

    void pause(Node node);

    void resume(Node node);

    /** The kernel's controls, unadorned. */
    NodeControls KERNEL = new NodeControls() {
        @Override
        public void crash(Node node) {
            node.crash();
        }

        @Override
        public void start(Node node) {
            node.start();
        }

        @Override
        public void pause(Node node) {
            node.pause();
        }

        @Override
        public void resume(Node node) {
            node.resume();
        }
    };
}
