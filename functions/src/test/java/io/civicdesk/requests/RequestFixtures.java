package io.civicdesk.requests;

import io.civicdesk.agencies.AgreedTargets;
import io.civicdesk.catalog.Service;
import io.civicdesk.sla.BusinessCalendar;
import io.civicdesk.sla.ServiceLevels;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A missed-bin request in Perth (respond in 1 business day, resolve in 2), timed as the functions time it. */
public final class RequestFixtures {
    public static final Instant SUBMITTED = Instant.parse("2026-11-23T02:00:00Z"); // Monday 10:00 in Perth
    public static final BusinessCalendar PERTH = new BusinessCalendar("wa", ZoneId.of("Australia/Perth"),
            BusinessCalendar.MONDAY_TO_FRIDAY, Map.of());
    public static final Service MISSED_BIN = new Service("missed-bin", "Missed bin", "Bins", "waste", "", "", "", null, 1, 2,
            List.of(), 1, List.of());
    static final Timing TIMING = new Timing(new ServiceLevels(List::of, id -> Optional.of(PERTH), () -> "wa",
            Clock.fixed(SUBMITTED, ZoneOffset.UTC)), AgreedTargets.NONE);

    private RequestFixtures() {
    }

    /** A resident's report of a missed bin, as its JSON body, who wants no updates. */
    public static Map<String, Object> missedBinReport() {
        Map<String, Object> report = new HashMap<>();
        report.put("serviceId", "missed-bin");
        report.put("answers", Map.of());
        report.put("location", Map.of("address", "14 Banksia Street, Melaleuca WA 6999"));
        report.put("description", "The yellow bin was missed.");
        report.put("preferredChannel", "none");
        return report;
    }

    static ServiceRequest received(String channel) {
        return new ServiceRequest(new Reference("K7MP3QXR"), "missed-bin", "Missed bin", "waste", "received", SUBMITTED,
                "Australia/Perth", List.of(), new Location("1 A St", null, null), null, Contact.NONE, null,
                PreferredChannel.NONE, channel, "hash", 1, Handling.received(null), null)
                .timed(TIMING.start(MISSED_BIN, null, SUBMITTED));
    }

    /** The request after staff moved it to {@code status} with {@code handling} at {@code at}. */
    static ServiceRequest changed(ServiceRequest request, String status, Handling handling, Instant at, boolean publicUpdate) {
        return TIMING.moved(request.changed(status, request.unitId(), handling), at, publicUpdate);
    }
}
