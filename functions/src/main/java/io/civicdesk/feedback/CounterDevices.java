package io.civicdesk.feedback;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Optional;

/** Counter tablets and their keys (kept by {@link CounterDeviceStore}, whose comment gives the key design). */
public interface CounterDevices {
    /** Issues a new device key for a unit's counter; the key is returned once and never stored. */
    String register(String unitId, String name, String createdBy, Instant now, SecureRandom random);

    /** The tablet holding this key, unless unknown or withdrawn. */
    Optional<Device> find(String key);

    record Device(String unitId, String name) {
    }
}
