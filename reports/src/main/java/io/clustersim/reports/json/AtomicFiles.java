package io.clustersim.reports.json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;

/**
 * Writes a file so that it either appears complete or not at all: into a hidden file beside it,
 * then renamed into place. The hidden file is created as any new file is, so the report's mode
 * follows the user's umask (a temporary file would be 0600, unreadable to the team's CI).
 */
public final class AtomicFiles {
    private static final SecureRandom NAMES = new SecureRandom();

    private AtomicFiles() {}

    /** A new, empty file beside {@code target}, with the mode the umask gives new files. */
    public static Path newSibling(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        while (true) {
            Path tmp = dir.resolve("." + target.getFileName() + "." + Long.toUnsignedString(NAMES.nextLong(), 36) + ".tmp");
            try {
                Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                return tmp;
            } catch (FileAlreadyExistsException taken) {
                // another writer's name; draw again
            }
        }
    }

    public static void write(Path target, String content) throws IOException {
        Path tmp = newSibling(target);
        try {
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
