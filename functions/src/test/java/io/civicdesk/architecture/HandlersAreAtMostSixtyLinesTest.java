package io.civicdesk.architecture;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A handler only routes: it reads the request with a reader, calls a service, and writes the answer with a view.
 * Anything that needs more than 60 lines (as {@code wc -l} counts them) belongs in one of those, or in the wiring.
 */
class HandlersAreAtMostSixtyLinesTest {

    static final int MOST_LINES = 60;
    private static final Path MAIN_SOURCES = Path.of("src/main/java");

    @Test
    void everyHandlerIsAtMostSixtyLines() throws IOException {
        assertTrue(Files.isDirectory(MAIN_SOURCES), "run from the functions module: " + MAIN_SOURCES.toAbsolutePath());
        SortedMap<String, Long> tooLong = new TreeMap<>();
        try (Stream<Path> files = Files.walk(MAIN_SOURCES)) {
            for (Path file : (Iterable<Path>) files.filter(path -> path.getFileName().toString().endsWith("Handler.java"))::iterator) {
                long lines = Files.readString(file).chars().filter(c -> c == '\n').count(); // as wc -l counts
                if (lines > MOST_LINES) {
                    tooLong.put(MAIN_SOURCES.relativize(file).toString().replace('/', '.').replaceAll("\\.java$", ""), lines);
                }
            }
        }
        if (!tooLong.isEmpty()) {
            StringBuilder list = new StringBuilder();
            tooLong.forEach((handler, lines) -> list.append("\n  - ").append(MainCode.shortName(handler))
                    .append(": ").append(lines).append(" lines"));
            fail(tooLong.size() + " handlers are longer than " + MOST_LINES + " lines:" + list);
        }
    }
}
