package io.civicdesk.agencies;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * One version of an agency's operating level agreement, in force from {@code effectiveFrom} until a later version
 * takes over: the services it covers with a target for each (and priority), how often the agency is reported to,
 * the price of a unit of work (one request resolved) when the agency is charged, and when it is next reviewed.
 *
 * @param priceCents null when the agency is not charged
 */
public record Agreement(String agencyId, int version, LocalDate effectiveFrom, Frequency frequency, Long priceCents,
                        LocalDate reviewDate, List<Target> targets) {

    public Agreement {
        targets = List.copyOf(targets);
    }

    /** How often the agency is reported to. */
    public enum Frequency {
        WEEKLY, MONTHLY, QUARTERLY;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Optional<Frequency> fromWireName(String text) {
            return java.util.Arrays.stream(values()).filter(f -> f.wireName().equals(text)).findFirst();
        }
    }

    /**
     * The target for a service (and, when {@code priority} is set, that priority only). With no times of its own
     * ({@code firstResponse} and {@code resolution} null) it is the provider's standard: the policy a request of
     * that service would fall under anyway.
     */
    public record Target(String serviceId, String priority, Duration firstResponse, Duration resolution) {
        public boolean standard() {
            return firstResponse == null;
        }
    }

    public List<String> serviceIds() {
        return targets.stream().map(Target::serviceId).distinct().toList();
    }

    /** The target for a request of this service and priority: one for the priority first, then one for any. */
    public Optional<Target> targetFor(String serviceId, String priority) {
        Optional<Target> exact = targets.stream()
                .filter(t -> t.serviceId().equals(serviceId) && t.priority() != null && t.priority().equals(priority)).findFirst();
        return exact.or(() -> targets.stream().filter(t -> t.serviceId().equals(serviceId) && t.priority() == null).findFirst());
    }

    /** The version in force on {@code day}: the latest by effective date (then by version) that began by then. */
    public static Optional<Agreement> inForce(List<Agreement> versions, LocalDate day) {
        return versions.stream().filter(v -> !v.effectiveFrom().isAfter(day))
                .max(java.util.Comparator.comparing(Agreement::effectiveFrom).thenComparingInt(Agreement::version));
    }
}
