package io.civicdesk.agencies;

import io.civicdesk.catalog.Catalog;
import io.civicdesk.catalog.Service;
import io.civicdesk.directory.Directory;
import io.civicdesk.directory.StaffMember;
import io.civicdesk.figures.FiguresStore;
import io.civicdesk.platform.FieldError;
import io.civicdesk.platform.Hashes;
import io.civicdesk.platform.Refusal;
import io.civicdesk.platform.Refused;
import io.civicdesk.platform.StaffCaller;
import io.civicdesk.platform.StaffCaller.Role;
import io.civicdesk.platform.Transactions;
import io.civicdesk.sla.ServiceLevelPolicy;
import io.civicdesk.sla.ServiceLevels;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The staff page's agencies: administrators see, add and change every agency; an account manager sees only the
 * agencies she manages, and adds versions of their agreements. A new agency starts on the standard template.
 */
public final class AgencyAdmin {
    private final AgencyStore store;
    private final Catalog catalog;
    private final Directory directory;
    private final FiguresStore figures;
    private final Transactions transactions;
    private final Clock clock;
    private final SecureRandom random;

    public AgencyAdmin(AgencyStore store, Catalog catalog, Directory directory, FiguresStore figures,
                       Transactions transactions, Clock clock, SecureRandom random) {
        this.store = store;
        this.catalog = catalog;
        this.directory = directory;
        this.figures = figures;
        this.transactions = transactions;
        this.clock = clock;
        this.random = random;
    }

    /** Who may see an agency: an administrator, or its own account manager. */
    public static boolean sees(StaffCaller caller, Agency agency) {
        return caller.has(Role.ADMIN) || caller.has(Role.ACCOUNT_MANAGER) && caller.id().equals(agency.accountManagerId());
    }

    private static StaffCaller requireManagers(StaffCaller caller) {
        return caller.requireAny(Role.ADMIN, Role.ACCOUNT_MANAGER);
    }

    /** An agency as its row on the page: its agreement in force today, its next review and its open requests now. */
    public record Row(Agency agency, Optional<Agreement> inForce, long open) {
    }

    public record Overview(List<Row> rows, List<Service> services, List<StaffMember> accountManagers, boolean canAdd) {
    }

    public Overview overview(StaffCaller caller) {
        requireManagers(caller);
        AgencyStore.Book book = store.all();
        LocalDate today = today();
        List<Row> rows = book.agencies().stream().filter(agency -> sees(caller, agency))
                .sorted(java.util.Comparator.comparing(Agency::name))
                .map(agency -> new Row(agency, Agreement.inForce(book.versions(agency.id()), today),
                        figures.agencyOpen(agency.id()).values().stream().mapToLong(Long::longValue).sum()))
                .toList();
        return new Overview(rows, catalog.catalogue().services(), caller.has(Role.ADMIN) ? accountManagers() : List.of(),
                caller.has(Role.ADMIN));
    }

    /** {@code standard}: each service's standard target at normal priority, the provider's own. */
    public record Detail(Agency agency, List<Agreement> versions, Optional<Agreement> inForce, List<Service> services,
                         Map<String, ServiceLevelPolicy> standard) {
    }

    public Detail agency(StaffCaller caller, String agencyId) {
        return detail(visible(caller, agencyId), store.agreements(agencyId));
    }

    private Detail detail(Agency agency, List<Agreement> versions) {
        List<Service> services = catalog.catalogue().services();
        ServiceLevels levels = new ServiceLevels(catalog::policies, catalog::calendar, () -> catalog.council().calendarId(), clock);
        Map<String, ServiceLevelPolicy> standard = new java.util.TreeMap<>();
        services.forEach(service -> standard.put(service.id(),
                levels.policyFor(service.id(), "normal", service.responseDays(), service.resolutionDays())));
        return new Detail(agency, versions, Agreement.inForce(versions, today()), services, standard);
    }

    /** A new agency, on the standard template from today for the services chosen. */
    public Detail create(StaffCaller caller, AgencyReader.AgencyForm form) {
        caller.requireAny(Role.ADMIN);
        List<FieldError> errors = new ArrayList<>();
        checkManager(form.accountManagerId(), errors);
        checkServices(form.serviceIds(), "serviceIds", errors);
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
        Agency agency = new Agency(form.id(), form.name(), form.accountManagerId(), contacts(form, List.of()), 1);
        Agreement first = AgreementTemplate.standard(form.id(), 1, today(), form.serviceIds());
        try {
            transactions.commit(store.created(agency, first));
        } catch (Refused exists) {
            throw Refusal.invalid("id", "There is already an agency " + form.id() + ". Choose another id.");
        }
        return detail(agency, List.of(first));
    }

    /** The agency's name, account manager and contacts changed, at the version read. */
    public Detail change(StaffCaller caller, String agencyId, AgencyReader.AgencyForm form) {
        caller.requireAny(Role.ADMIN);
        Agency current = store.agency(agencyId).orElseThrow(() -> Refusal.notFound("There is no agency " + agencyId + "."));
        List<FieldError> errors = new ArrayList<>();
        checkManager(form.accountManagerId(), errors);
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
        if (form.version() != current.version()) {
            throw Refusal.conflict("Someone changed this agency since you opened it. Reload it to see their change.");
        }
        Agency changed = new Agency(agencyId, form.name(), form.accountManagerId(), contacts(form, current.contacts()),
                current.version() + 1);
        if (!store.save(changed)) {
            throw Refusal.conflict("Someone changed this agency since you opened it. Reload it to see their change.");
        }
        return agency(caller, agencyId);
    }

    /** A new version of the agency's agreement, numbered after the last. */
    public Detail addAgreement(StaffCaller caller, String agencyId, Agreement typed) {
        visible(caller, agencyId);
        List<FieldError> errors = new ArrayList<>();
        checkServices(typed.serviceIds(), "targets", errors);
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
        int next = store.agreements(agencyId).stream().mapToInt(Agreement::version).max().orElse(0) + 1;
        Agreement version = new Agreement(agencyId, next, typed.effectiveFrom(), typed.frequency(), typed.priceCents(),
                typed.reviewDate(), typed.targets());
        if (!store.add(version)) {
            throw Refusal.conflict("Someone added a version of this agreement meanwhile. Reload to see it.");
        }
        return agency(caller, agencyId);
    }

    /** A contact's unsubscribe link: they receive no more of the agency's reports. Using it twice is harmless. */
    public void unsubscribe(String agencyId, String token) {
        Agency agency = store.agency(agencyId).orElseThrow(() -> Refusal.notFound("This link is not one of ours."));
        if (agency.contacts().stream().noneMatch(contact -> token.equals(contact.unsubscribeToken()))) {
            throw Refusal.notFound("This link is not one of ours.");
        }
        Agency changed = new Agency(agency.id(), agency.name(), agency.accountManagerId(), agency.contacts().stream()
                .map(c -> token.equals(c.unsubscribeToken())
                        ? new Agency.Contact(c.role(), c.name(), c.email(), c.unsubscribeToken(), true) : c).toList(),
                agency.version() + 1);
        if (!store.save(changed)) {
            throw Refusal.conflict("The agency's details were changing at that moment. Open the link again.");
        }
    }

    private Agency visible(StaffCaller caller, String agencyId) {
        requireManagers(caller);
        Agency agency = store.agency(agencyId).orElseThrow(() -> Refusal.notFound("There is no agency " + agencyId + "."));
        if (!sees(caller, agency)) {
            // The same answer as for an agency that does not exist: another manager's agencies are not hers to know of.
            throw Refusal.notFound("There is no agency " + agencyId + ".");
        }
        return agency;
    }

    /** The contacts as typed, each keeping the unsubscribe link (and choice) it had when its address is unchanged. */
    private List<Agency.Contact> contacts(AgencyReader.AgencyForm form, List<Agency.Contact> before) {
        Map<String, Agency.Contact> kept = before.stream().collect(Collectors.toMap(
                c -> c.email().toLowerCase(Locale.ROOT), c -> c, (a, b) -> a));
        return form.contacts().stream().map(typed -> {
            Agency.Contact was = kept.get(typed.email().toLowerCase(Locale.ROOT));
            return was != null ? new Agency.Contact(typed.role(), typed.name(), typed.email(), was.unsubscribeToken(), was.unsubscribed())
                    : new Agency.Contact(typed.role(), typed.name(), typed.email(), Hashes.newSecret(random), false);
        }).toList();
    }

    private void checkManager(String staffId, List<FieldError> errors) {
        boolean manages = directory.member(staffId).filter(StaffMember::enabled)
                .filter(member -> member.roles().contains(Role.ACCOUNT_MANAGER)).isPresent();
        if (!manages) {
            errors.add(new FieldError("accountManagerId", "Choose an account manager from the list."));
        }
    }

    private void checkServices(List<String> serviceIds, String field, List<FieldError> errors) {
        List<String> unknown = serviceIds.stream().filter(id -> catalog.service(id).isEmpty()).toList();
        if (!unknown.isEmpty()) {
            errors.add(new FieldError(field, "There is no service " + String.join(", ", unknown) + ". Choose from the list."));
        }
    }

    private List<StaffMember> accountManagers() {
        return directory.everyone().stream().map(entry -> entry.member())
                .filter(member -> member.enabled() && member.roles().contains(Role.ACCOUNT_MANAGER)).toList();
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(java.time.ZoneId.of(catalog.council().timeZone())));
    }
}
