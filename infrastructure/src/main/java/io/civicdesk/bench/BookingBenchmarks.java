package io.civicdesk.bench;

import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.List;

/**
 * Facilities booking: DynamoDB calls for a week's availability and for one booking, and a contention run
 * (attempts per second, successes, double bookings — which must be 0). The handlers run in a
 * {@link CountingClassLoader}, as in the calls table, against the stack's DynamoDB Local.
 */
final class BookingBenchmarks {
    private BookingBenchmarks() {
    }

    @SuppressWarnings("unchecked")
    static List<Table> measure(List<Path> functionClasspath) throws Exception {
        List<String[]> rows;
        var out = System.out;
        var handlerLog = new java.io.ByteArrayOutputStream();
        System.setOut(new java.io.PrintStream(handlerLog, true, java.nio.charset.StandardCharsets.UTF_8));
        try (CountingClassLoader loader = new CountingClassLoader(functionClasspath)) {
            rows = (List<String[]>) Class.forName(BookingCallCounts.class.getName(), true, loader).getMethod("run").invoke(null);
        } catch (InvocationTargetException e) {
            System.setOut(out);
            System.err.print(handlerLog.toString(java.nio.charset.StandardCharsets.UTF_8));
            throw e.getCause() instanceof Exception cause ? cause : e;
        } finally {
            System.setOut(out);
        }
        Table calls = new Table("Facilities booking: DynamoDB calls",
                "The real FacilitiesHandler and BookingHandler, warm, invoked in process against DynamoDB Local. Write units:"
                        + " a transactional write costs 2 per item of up to 1 KB.",
                "Operation", "DynamoDB calls", "By DynamoDB operation", "Items read", "Items written", "Write units");
        Table contention = new Table("Facilities booking: contention",
                "Concurrent POST /bookings on one room and day, overlapping times (30 to 105 minutes from 9am to 6pm),"
                        + " each thread its own handler instance; double bookings = pairs of confirmed bookings whose times overlap.",
                "Attempts", "Attempts per second", "Successes", "Double bookings", "Threads");
        for (String[] row : rows) {
            if (row[0].equals("contention")) {
                contention.add(row[1], row[2], row[3], row[4], row[5]);
            } else {
                calls.add((Object[]) row);
            }
        }
        return List.of(calls, contention);
    }
}
