package io.civicdesk.testing;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * What is printed while an action runs. In the local stack every handler runs in this JVM, and both Log4j (its
 * console appender follows System.out) and the EMF sink write to System.out as it is at each line: so this is
 * what the functions would send to CloudWatch Logs. It still reaches the console too.
 */
public final class StandardOutput {
    private StandardOutput() {
    }

    @FunctionalInterface
    public interface Action {
        void run() throws Exception;
    }

    public static String during(Action action) throws Exception {
        PrintStream console = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                console.write(b);
                captured.write(b);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                console.write(bytes, offset, length);
                captured.write(bytes, offset, length);
            }
        }, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setOut(console);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
