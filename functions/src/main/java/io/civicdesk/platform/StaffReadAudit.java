package io.civicdesk.platform;

import java.time.Clock;
import java.util.List;
import java.util.ServiceLoader;

/**
 * A member of staff was shown a resident's personal details (a request, complaints, bookings): written down, one
 * entry per read, for administrators to see. The port lives here so the capabilities below privacy can call it;
 * privacy implements it ({@code io.civicdesk.privacy}) and is found with {@link ServiceLoader}, so nothing below
 * privacy names it. Each entry is one PutItem.
 */
public interface StaffReadAudit {

    /** {@code kind}: request, complaint, booking; {@code references}: the records shown. */
    void shown(StaffCaller staff, String kind, List<String> references);

    /** Builds the audit from a catalogue table and a clock; registered in META-INF/services. */
    interface Installer {
        StaffReadAudit audit(String catalogTable, Clock clock);
    }

    /** The installed audit (privacy's); there is always one in the functions' jar, so a missing one is a build fault. */
    static StaffReadAudit installed(String catalogTable, Clock clock) {
        return ServiceLoader.load(Installer.class).findFirst()
                .orElseThrow(() -> new IllegalStateException("No staff read audit is installed"))
                .audit(catalogTable, clock);
    }
}
