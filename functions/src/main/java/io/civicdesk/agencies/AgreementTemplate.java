package io.civicdesk.agencies;

import java.time.LocalDate;
import java.util.Collection;

/**
 * The template an agreement starts from (seed 004's "template for development of SLAs"): the services chosen, each
 * held to the provider's standard target, reported quarterly, not charged, and reviewed a year after it begins.
 * The account manager then changes what the agency negotiated.
 */
public final class AgreementTemplate {
    public static final String STANDARD = "standard";

    private AgreementTemplate() {
    }

    public static Agreement standard(String agencyId, int version, LocalDate effectiveFrom, Collection<String> serviceIds) {
        return new Agreement(agencyId, version, effectiveFrom, Agreement.Frequency.QUARTERLY, null,
                effectiveFrom.plusYears(1),
                serviceIds.stream().map(id -> new Agreement.Target(id, null, null, null)).toList());
    }
}
