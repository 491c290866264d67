package io.clustersim.cli;

import picocli.CommandLine;

/** Reports the version from the jar manifest, if known. */
final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Version.class.getPackage().getImplementationVersion();
        return new String[] {"clustersim " + (v == null ? "development build" : v)};
    }
}
