package io.clustersim.cli;

import io.clustersim.reports.json.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks, before a run starts, that its report can be written: a run of hours must not end in
 * "cannot write the report". The directory is created if it is missing, and a file is written
 * and removed in it, since permission bits say little (root ignores them).
 */
final class OutputDirectory {
    private OutputDirectory() {}

    /** Null if reports can be written to {@code dir}, else one line saying why not. */
    static String problem(Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            return "--out " + dir + " is a file, not a directory";
        }
        try {
            Files.createDirectories(dir);
            Path probe = AtomicFiles.newSibling(dir.resolve("report.json"));
            Files.delete(probe);
            return null;
        } catch (IOException | SecurityException e) {
            return "cannot write reports to " + dir + " (" + reason(e) + ")";
        }
    }

    private static String reason(Exception e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        } else if (e instanceof java.nio.file.FileAlreadyExistsException f) {
            return f.getFile() + " is a file, not a directory";
        } else if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
