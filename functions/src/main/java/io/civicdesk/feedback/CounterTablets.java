package io.civicdesk.feedback;

import io.civicdesk.platform.StaffCaller;
import io.civicdesk.platform.StaffCaller.Role;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.function.Supplier;

/** Issuing counter tablets their keys: an administrator's job, answered with the link to open on the tablet. */
public final class CounterTablets {
    private final CounterDevices devices;
    private final String portalUrl;
    private final Clock clock;
    private final SecureRandom random;

    public CounterTablets(CounterDevices devices, String portalUrl, Clock clock, SecureRandom random) {
        this.devices = devices;
        this.portalUrl = portalUrl.replaceAll("/+$", "");
        this.clock = clock;
        this.random = random;
    }

    /**
     * The link that sets the tablet up; its key is shown this once and only its hash is kept. Only administrators
     * issue tablets, and anyone else is refused before the tablet's details are read.
     */
    public String issue(StaffCaller caller, Supplier<CounterReader.Tablet> details) {
        caller.requireAny(Role.ADMIN);
        CounterReader.Tablet tablet = details.get();
        String key = devices.register(tablet.unitId(), tablet.name(), caller.id(), clock.instant(), random);
        return portalUrl + "/counter.html#device=" + key;
    }
}
