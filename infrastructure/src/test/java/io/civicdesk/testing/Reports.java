package io.civicdesk.testing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reports as the portal sends them, built in code: a valid missed-bin report, to change one field at a time. */
public final class Reports {
    private Reports() {
    }

    public static Map<String, Object> missedBin(String email) {
        Map<String, Object> report = new HashMap<>();
        report.put("serviceId", "missed-bin");
        report.put("answers", new HashMap<>(Map.of(
                "bin-type", "Recycling (yellow lid)",
                "collection-day", "2026-11-23",
                "out-by-6am", "Yes")));
        report.put("location", new HashMap<>(Map.of("address", "14 Banksia Street, Melaleuca WA 6999",
                "latitude", -31.9505, "longitude", 115.8605)));
        report.put("description", "The yellow bin was out from 5am; the truck drove past it.");
        report.put("contact", new HashMap<>(Map.of("name", "Alex Citizen", "email", email, "phone", "0412 345 678")));
        report.put("preferredChannel", "email");
        return report;
    }

    /** The personal details in {@link #missedBin}: none may appear without the private link. */
    public static List<String> personalDetails(String email) {
        return List.of("Alex Citizen", email, "0412", "412 345", "Banksia Street", "-31.95", "115.86",
                "truck drove past", "Recycling (yellow lid)");
    }
}
