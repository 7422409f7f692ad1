package io.civicdesk.agencies;

import io.civicdesk.catalog.Service;
import io.civicdesk.sla.ServiceLevelPolicy;

import java.util.List;
import java.util.Map;

/** The staff page's JSON: agencies with their contacts (never the contacts' unsubscribe secrets) and agreements. */
public final class AgencyViews {
    private AgencyViews() {
    }

    public record Named(String id, String name) {
    }

    public record ContactView(String role, String name, String email, boolean unsubscribed) {
    }

    public record TargetView(String serviceId, String priority, boolean standard, Long firstResponseHours,
                             Long resolutionHours) {
    }

    public record AgreementView(int version, String effectiveFrom, String frequency, Long priceCents, String reviewDate,
                                List<TargetView> targets) {
    }

    public record RowView(String id, String name, String accountManagerId, AgreementView agreement, String nextReview,
                          long open) {
    }

    public record OverviewView(List<RowView> agencies, List<Named> services, List<Named> accountManagers, boolean canAdd) {
    }

    public record StandardView(String serviceId, long firstResponseHours, long resolutionHours) {
    }

    public record DetailView(String id, String name, String accountManagerId, List<ContactView> contacts, long version,
                             AgreementView inForce, List<AgreementView> versions, List<Named> services,
                             List<StandardView> standard) {
    }

    public static OverviewView of(AgencyAdmin.Overview overview) {
        return new OverviewView(overview.rows().stream().map(row -> new RowView(row.agency().id(), row.agency().name(),
                        row.agency().accountManagerId(), row.inForce().map(AgencyViews::of).orElse(null),
                        row.inForce().map(a -> a.reviewDate().toString()).orElse(null), row.open())).toList(),
                services(overview.services()),
                overview.accountManagers().stream().map(m -> new Named(m.id(), m.name())).toList(), overview.canAdd());
    }

    public static DetailView of(AgencyAdmin.Detail detail) {
        Agency agency = detail.agency();
        return new DetailView(agency.id(), agency.name(), agency.accountManagerId(),
                agency.contacts().stream().map(c -> new ContactView(c.role().wireName(), c.name(), c.email(), c.unsubscribed())).toList(),
                agency.version(), detail.inForce().map(AgencyViews::of).orElse(null),
                detail.versions().stream().map(AgencyViews::of).toList(), services(detail.services()),
                standard(detail.standard()));
    }

    static AgreementView of(Agreement agreement) {
        return new AgreementView(agreement.version(), agreement.effectiveFrom().toString(), agreement.frequency().wireName(),
                agreement.priceCents(), agreement.reviewDate().toString(), agreement.targets().stream()
                .map(t -> new TargetView(t.serviceId(), t.priority(), t.standard(),
                        t.standard() ? null : t.firstResponse().toHours(), t.standard() ? null : t.resolution().toHours()))
                .toList());
    }

    private static List<Named> services(List<Service> services) {
        return services.stream().map(s -> new Named(s.id(), s.name())).toList();
    }

    private static List<StandardView> standard(Map<String, ServiceLevelPolicy> standard) {
        return standard.entrySet().stream().map(e -> new StandardView(e.getKey(), e.getValue().firstResponse().toHours(),
                e.getValue().resolution().toHours())).toList();
    }
}
