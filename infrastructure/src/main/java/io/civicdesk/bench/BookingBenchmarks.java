package io.civicdesk.bench;

import java.nio.file.Path;
import java.util.List;

/**
 * Facilities booking: DynamoDB calls for a week's availability and for one booking, and a contention run
 * (attempts per second, successes, double bookings — which must be 0). The handlers run in a
 * {@link CountingClassLoader}, as in the calls table, against the stack's DynamoDB (moto).
 */
final class BookingBenchmarks {
    private BookingBenchmarks() {
    }

    static List<Table> measure(List<Path> functionClasspath) throws Exception {
        List<String[]> rows = CountingClassLoader.runCounted(functionClasspath, BookingCallCounts.class);
        Table calls = new Table("Facilities booking: DynamoDB calls",
                "The real FacilitiesHandler and BookingHandler, warm, invoked in process against the local DynamoDB (moto). Write units:"
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
