package io.civicdesk.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.civicdesk.bookings.BookingFixtures;
import io.civicdesk.platform.Json;
import io.civicdesk.testing.Api;
import io.civicdesk.testing.Mailbox;
import io.civicdesk.testing.Reports;
import io.civicdesk.testing.StandardOutput;
import io.civicdesk.testing.TestStack;
import java.security.SecureRandom;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Logs and metrics carry only what the code names. A resident reports a problem, complains and books a facility,
 * each with a name, an email address, a phone number and free text made of marker strings nobody else uses;
 * everything the handlers print meanwhile (in the local stack they run in this JVM), mail sent included, holds
 * none of them.
 */
class NoPersonalDetailsInOutputTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Api api = TestStack.api();
    /** Every marker and phone number given, to look for in what was printed. */
    private final List<String> given = new ArrayList<>();

    /** Letters only (names are words), unlikely anywhere by chance. */
    private String marker() {
        StringBuilder letters = new StringBuilder("Qx");
        for (int i = 0; i < 10; i++) {
            letters.append((char) ('a' + RANDOM.nextInt(26)));
        }
        given.add(letters.toString());
        return letters.toString();
    }

    /** An Australian mobile number as typed; it is looked for as typed and as the code keeps it (no spaces). */
    private String mobile() {
        // 041x: a range the numbering plan allocates to mobiles (libphonenumber refuses unallocated ones).
        String digits = "1" + String.format("%07d", RANDOM.nextInt(10_000_000));
        String typed = "04" + digits.substring(0, 2) + " " + digits.substring(2, 5) + " " + digits.substring(5);
        given.add(typed);
        given.add("04" + digits);
        given.add("+614" + digits);
        return typed;
    }

    @Test
    void noNameEmailPhoneOrFreeTextAResidentGaveAppearsInAnyLogLineOrMetric() throws Exception {
        String name = "Ada " + marker();
        String email = marker().toLowerCase(Locale.ROOT) + "@example.com";
        String phone = mobile();
        String description = "The bin by the " + marker() + " letterbox was knocked over.";
        String address = "12 " + marker() + " Street, Melaleuca WA 6999";
        String complainant = "Bo " + marker();
        String complainantEmail = marker().toLowerCase(Locale.ROOT) + "@example.com";
        String complaint = "The driver was rude about " + marker() + ".";
        String booker = "Cy " + marker();
        String bookerEmail = marker().toLowerCase(Locale.ROOT) + "@example.com";
        String bookerPhone = mobile();
        String purpose = "Birthday picnic for " + marker();

        Map<String, Object> report = new HashMap<>(Reports.missedBin(email));
        report.put("contact", Map.of("name", name, "email", email, "phone", phone));
        report.put("description", description);
        @SuppressWarnings("unchecked")
        Map<String, Object> location = new HashMap<>((Map<String, Object>) report.get("location"));
        location.put("address", address);
        report.put("location", location);
        Map<String, Object> booking = new HashMap<>(BookingFixtures.booking("lakeside-bbq-shelter",
                BookingFixtures.weekday("lakeside-bbq-shelter", DayOfWeek.TUESDAY, 6), "12:00", "14:00", bookerEmail));
        booking.put("contact", Map.of("name", booker, "email", bookerEmail, "phone", bookerPhone));
        booking.put("purpose", purpose);

        String output = StandardOutput.during(() -> {
            Api.Reply submitted = api.post("/requests", Json.write(report), Map.of("Idempotency-Key", UUID.randomUUID().toString()));
            assertEquals(201, submitted.status(), submitted.body());
            // Refused with the same details: a 400 names fields, never their values.
            Map<String, Object> invalid = new HashMap<>(report);
            invalid.put("contact", Map.of("name", name, "email", email.replace("@", " at "), "phone", phone));
            assertEquals(400, api.post("/requests", Json.write(invalid), Map.of()).status());

            Api.Reply complained = api.post("/feedback", Json.write(Map.of("kind", "complaint",
                    "about", Map.of("serviceId", "missed-bin"), "message", complaint,
                    "contact", Map.of("name", complainant, "email", complainantEmail))), Map.of("Idempotency-Key", UUID.randomUUID().toString()));
            assertEquals(201, complained.status(), complained.body());

            Api.Reply booked = api.post("/bookings", Json.write(booking), Map.of("Idempotency-Key", UUID.randomUUID().toString()));
            assertEquals(201, booked.status(), booked.body());
            Api.Reply clash = api.post("/bookings", Json.write(booking), Map.of());
            assertEquals(409, clash.status(), clash.body());

            // The mail sender's own lines, for each of these mails, are part of what is checked.
            Mailbox.awaitMailTo(email);
            Mailbox.awaitMailTo(complainantEmail);
            Mailbox.awaitMailTo(bookerEmail);
        });

        assertTrue(output.contains("\"message\":\"request.submitted\"") && output.contains("\"message\":\"booking.created\"")
                && output.contains("\"_aws\""), "the handlers' log lines and metrics were captured:\n" + output);
        for (String value : given) {
            List<String> lines = output.lines().filter(line -> line.toLowerCase(Locale.ROOT).contains(value.toLowerCase(Locale.ROOT)))
                    .toList();
            assertTrue(lines.isEmpty(), "\"" + value + "\", given by the resident, was printed:\n" + String.join("\n", lines));
        }
    }
}
