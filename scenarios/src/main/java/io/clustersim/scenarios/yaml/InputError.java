package io.clustersim.scenarios.yaml;

/**
 * Bad input, reported to the user as one line: {@code file:line:column: key.path: what was expected}.
 * The CLI turns it into exit code 2 and never shows a stack trace.
 */
public final class InputError extends RuntimeException {
    private final String file;
    private final int line;
    private final int column;
    private final String path;
    private final String problem;

    public InputError(String file, int line, int column, String path, String problem) {
        super(format(file, line, column, path, problem));
        this.file = file;
        this.line = line;
        this.column = column;
        this.path = path;
        this.problem = problem;
    }

    /** An error at a value of the tree. */
    public static InputError at(YamlNode node, String problem) {
        return new InputError(node.file(), node.line(), node.column(), node.path(), problem);
    }

    private static String format(String file, int line, int column, String path, String problem) {
        StringBuilder sb = new StringBuilder(file);
        if (line > 0) {
            sb.append(':').append(line).append(':').append(column);
        }
        sb.append(": ");
        if (path != null && !path.isEmpty()) {
            sb.append(path).append(": ");
        }
        return sb.append(problem).toString();
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    public String path() {
        return path;
    }

    public String problem() {
        return problem;
    }
}
