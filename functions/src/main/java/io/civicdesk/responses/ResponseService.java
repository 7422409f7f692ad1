package io.civicdesk.responses;

import io.civicdesk.catalog.Service;
import io.civicdesk.feedback.Complaint;
import io.civicdesk.languages.Language;
import io.civicdesk.languages.Texts;
import io.civicdesk.platform.FieldError;
import io.civicdesk.platform.Ids;
import io.civicdesk.platform.Refusal;
import io.civicdesk.platform.StaffCaller;
import io.civicdesk.platform.StaffCaller.Role;
import io.civicdesk.platform.StaffReadAudit;
import io.civicdesk.requests.Reference;
import io.civicdesk.requests.ServiceRequest;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Response templates: supervisors and administrators keep them (the product's defaults until the council saves its
 * own over them); an officer writing to a resident about a request, or acknowledging or answering a complaint, is
 * offered those that fit, filled in for that resident, theirs in the resident's language first.
 */
public final class ResponseService {
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";

    /** One template filled in for one resident: what the officer starts from. */
    public record Offered(String templateId, String title, Language language, String text) {
    }

    private final ResponseTemplates saved;
    private final List<ResponseTemplate> defaults;
    private final Function<String, Optional<Service>> services;
    private final Function<Reference, Optional<ServiceRequest>> requests;
    private final BiFunction<StaffCaller, String, Complaint> complaints;
    private final StaffReadAudit audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    /** {@code complaints}: the complaint the caller may handle, by its typed reference (refused otherwise; the read audited). */
    public ResponseService(ResponseTemplates saved, List<ResponseTemplate> defaults, Function<String, Optional<Service>> services,
                           Function<Reference, Optional<ServiceRequest>> requests,
                           BiFunction<StaffCaller, String, Complaint> complaints, StaffReadAudit audit, Clock clock) {
        this.saved = saved;
        this.defaults = List.copyOf(defaults);
        this.services = services;
        this.requests = requests;
        this.complaints = complaints;
        this.audit = audit;
        this.clock = clock;
    }

    static StaffCaller requireEditor(StaffCaller caller) {
        return caller.requireAny(Role.SUPERVISOR, Role.ADMIN);
    }

    /** Every template, the retired too: the defaults not saved over, then the council's. */
    public List<ResponseTemplate> all(StaffCaller caller) {
        requireEditor(caller);
        return current();
    }

    public ResponseTemplate create(StaffCaller caller, ResponseDraft draft) {
        requireEditor(caller);
        check(draft);
        ResponseTemplate template = template(newId(draft.title()), draft).saved(1, clock.instant(), caller.name());
        if (!saved.save(template, 0)) {
            throw new IllegalStateException("A new template's id was taken");
        }
        return template;
    }

    public ResponseTemplate save(StaffCaller caller, String templateId, ResponseDraft draft) {
        requireEditor(caller);
        ResponseTemplate current = found(templateId);
        check(draft);
        ResponseTemplate next = template(current.templateId(), draft).saved(current.version() + 1, clock.instant(), caller.name());
        if (draft.version() != current.version() || !saved.save(next, current.version())) {
            throw conflict(current.templateId());
        }
        return next;
    }

    /** Takes a template out of what officers are offered; it stays listed, and saving it again puts it back. */
    public ResponseTemplate retire(StaffCaller caller, String templateId, int version) {
        requireEditor(caller);
        ResponseTemplate current = found(templateId);
        ResponseTemplate retired = current.retiredBy(clock.instant(), caller.name());
        if (version != current.version() || !saved.save(retired, current.version())) {
            throw conflict(current.templateId());
        }
        return retired;
    }

    /** For an officer writing to the resident of a request, moving it to {@code status} (null: a message only). */
    public List<Offered> forRequest(StaffCaller caller, Reference reference, String status) {
        caller.requireAny(Role.OFFICER, Role.SUPERVISOR, Role.ADMIN);
        ServiceRequest request = requests.apply(reference).orElseThrow(() -> Refusal.notFound(
                "There is no request with the reference " + reference.display() + "."));
        audit.shown(caller, "request", List.of(reference.value()));
        Optional<Service> service = services.apply(request.serviceId());
        LocalDate due = request.expected().resolution();
        return offered(ResponseUse.REQUEST, request.serviceId(), status, request.language(), language -> new Placeholders(
                request.contact().name(), reference.display(),
                service.map(s -> s.translations().text(language, "name", s.name())).orElse(request.serviceName()),
                caller.name(), Texts.of(language).date(due)));
    }

    /** For the officer acknowledging or answering a complaint (or review) they may handle. */
    public List<Offered> forComplaint(StaffCaller caller, String typedReference, ResponseUse use) {
        Complaint complaint = complaints.apply(caller, typedReference);
        Optional<Service> service = Optional.ofNullable(complaint.serviceId()).flatMap(services);
        return offered(use, complaint.serviceId(), null, complaint.language(), language -> new Placeholders(
                complaint.contact().name(), Reference.parse(complaint.reference()).map(Reference::display).orElse(complaint.reference()),
                service.map(s -> s.translations().text(language, "name", s.name())).orElse(""),
                caller.name(), Texts.of(language).date(complaint.answerBy())));
    }

    private List<Offered> offered(ResponseUse use, String serviceId, String status, Language resident,
                                  Function<Language, Placeholders> placeholders) {
        Map<Language, Placeholders> filled = new LinkedHashMap<>();
        return current().stream().filter(template -> template.fits(use, serviceId, status))
                .sorted(Comparator.comparing((ResponseTemplate t) -> t.language() != resident)
                        .thenComparing(t -> t.serviceId() == null).thenComparing(t -> t.status() == null)
                        .thenComparing(ResponseTemplate::title))
                .map(template -> new Offered(template.templateId(), template.title(), template.language(),
                        filled.computeIfAbsent(template.language(), placeholders).fill(template.text())))
                .toList();
    }

    private List<ResponseTemplate> current() {
        Map<String, ResponseTemplate> byId = new LinkedHashMap<>();
        defaults.forEach(template -> byId.put(template.templateId(), template));
        saved.saved().forEach(template -> byId.put(template.templateId(), template));
        return byId.values().stream().sorted(Comparator.comparing((ResponseTemplate t) -> t.use().ordinal())
                .thenComparing(ResponseTemplate::title).thenComparing(t -> t.language().ordinal())).toList();
    }

    private ResponseTemplate found(String templateId) {
        String id = Ids.require(templateId, "templateId", "template");
        return saved.saved(id).or(() -> defaults.stream().filter(t -> t.templateId().equals(id)).findFirst())
                .orElseThrow(() -> Refusal.notFound("There is no response template " + id + "."));
    }

    private void check(ResponseDraft draft) {
        if (draft.serviceId() != null && services.apply(draft.serviceId()).isEmpty()) {
            throw Refusal.invalid("serviceId", "There is no service " + draft.serviceId() + ": choose one from the list.");
        }
    }

    private static ResponseTemplate template(String templateId, ResponseDraft draft) {
        return new ResponseTemplate(templateId, draft.title(), draft.use(), draft.serviceId(), draft.status(),
                draft.language(), draft.text(), false, draft.version(), null, null);
    }

    /** Readable in a URL and a log, and not guessable from another's: the title's first words and five random letters. */
    private String newId(String title) {
        String words = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        words = words.length() > 40 ? words.substring(0, 40).replaceAll("-$", "") : words;
        StringBuilder id = new StringBuilder(words.isEmpty() ? "template" : words).append('-');
        for (int i = 0; i < 5; i++) {
            id.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return id.toString();
    }

    private Refusal conflict(String templateId) {
        return new Refusal(Refusal.Kind.CONFLICT, "Someone saved this template since you opened it. Your change was not "
                + "saved: look at theirs, then make yours again.", List.of(new FieldError("version",
                "Someone saved this template since you opened it.")), Map.of("current", ResponseViews.template(found(templateId))));
    }
}
