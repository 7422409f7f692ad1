package io.civicdesk.seed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.civicdesk.platform.Ids;
import io.civicdesk.responses.ResponseDraft;
import io.civicdesk.responses.ResponseReader;
import io.civicdesk.responses.ResponseTemplate;
import io.civicdesk.privacy.RecordKind;
import io.civicdesk.bookings.Facility;
import io.civicdesk.articles.Article;
import io.civicdesk.search.Synonyms;
import io.civicdesk.catalog.Council;
import io.civicdesk.catalog.Question;
import io.civicdesk.catalog.QuestionType;
import io.civicdesk.catalog.Service;
import io.civicdesk.catalog.ServiceFee;
import io.civicdesk.catalog.Unit;
import io.civicdesk.platform.Refusal;
import io.civicdesk.platform.FieldError;
import io.civicdesk.sla.BusinessCalendar;
import io.civicdesk.sla.PublicHoliday;
import io.civicdesk.sla.ServiceLevelPolicy;
import io.civicdesk.sla.WesternAustraliaHolidays;
import io.civicdesk.staff.PolicyReferences;
import io.civicdesk.staff.ServiceLevelReader;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads a catalogue file into the product's own records, checking every field. Calendars and policies are checked
 * by the same reader as an administrator's changes on the Service levels page ({@link ServiceLevelReader}), so a
 * file can hold nothing the page would refuse.
 */
final class CatalogFileReader {
    static final int NAME = 100;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final List<String> CATALOGUE = List.of("$schema", "council", "units", "services", "calendars", "policies", "facilities", "synonyms", "articles", "guides", "responses", "retention", "translations");
    private static final List<String> SYNONYMS = List.of("words");
    private static final List<String> COUNCIL = List.of("name", "calendarId");
    private static final List<String> UNIT = List.of("id", "name", "email");
    private static final List<String> SERVICE = List.of("id", "name", "theme", "unitId", "description", "whatHappensNext",
            "timeframe", "notice", "responseDays", "resolutionDays", "keywords", "questions", "fee");
    private static final List<String> SERVICE_FEE = List.of("amountCents", "covers", "payOnline");
    private static final List<String> QUESTION = List.of("id", "label", "type", "required", "help", "options", "maxLength", "min", "max");
    private static final List<String> CALENDAR = List.of("id", "timeZone", "openingHours", "holidays", "publicHolidays");
    private static final List<String> PUBLIC_HOLIDAYS = List.of("state", "years");
    private static final List<String> POLICY = List.of("id", "order", "serviceId", "priority", "firstResponseMinutes",
            "resolutionMinutes", "keepInformedMinutes", "warningPercents", "calendarId");
    private static final Map<String, QuestionType> QUESTION_TYPES = new LinkedHashMap<>();
    /** The states whose public holidays CivicDesk works out for itself, for any year. */
    private static final Map<String, IntFunction<List<PublicHoliday>>> STATES = Map.of(
            "western-australia", WesternAustraliaHolidays::forYear);

    static {
        for (QuestionType type : QuestionType.values()) {
            QUESTION_TYPES.put(type.wireName(), type);
        }
    }

    private final Mistakes mistakes;
    private final int thisYear;
    // Ids as soon as they are read, whatever else is wrong with their item, so one mistake is not reported again at every reference.
    private final Set<String> unitIds = new LinkedHashSet<>();
    private final Set<String> serviceIds = new LinkedHashSet<>();
    private final Set<String> calendarIds = new LinkedHashSet<>();

    private final Clock clock;
    private final ZoneId zone;

    private CatalogFileReader(Mistakes mistakes, Clock clock, ZoneId zone) {
        this.mistakes = mistakes;
        this.clock = clock;
        this.zone = zone;
        this.thisYear = LocalDate.ofInstant(clock.instant(), zone).getYear();
    }

    static CatalogFile read(String source, String text, Clock clock) throws CatalogFileException {
        Mistakes mistakes = new Mistakes(source);
        YamlTree.Parsed parsed = YamlTree.parse(text, mistakes);
        if (parsed == null) {
            mistakes.throwIfAny(); // the parse noted why there is no tree
        }
        mistakes.placesFrom(parsed.places());
        ZoneId zone = councilZone(parsed.root());
        CatalogFileReader reader = new CatalogFileReader(mistakes, clock, zone);
        CatalogFile file = reader.catalogue(parsed.root(), source, parsed.places());
        mistakes.throwIfAny();
        return file;
    }

    /** "This year" is the council's: the time zone of the calendar it names, when that much is right. */
    private static ZoneId councilZone(JsonNode root) {
        String calendarId = root.path("council").path("calendarId").asText();
        for (JsonNode calendar : root.path("calendars")) {
            String zone = calendar.path("timeZone").asText();
            if (calendar.path("id").asText().equals(calendarId) && ZoneId.getAvailableZoneIds().contains(zone)) {
                return ZoneId.of(zone);
            }
        }
        return ZoneOffset.UTC;
    }

    private CatalogFile catalogue(JsonNode root, String source, Map<String, YamlTree.Place> places) {
        Fields catalogue = Fields.of(root, "", mistakes, "a catalogue", CATALOGUE);
        if (catalogue == null) {
            return null;
        }
        List<Unit> units = units(catalogue);
        List<BusinessCalendar> calendars = calendars(catalogue);
        List<Service> services = new TranslationFileReader(mistakes).translate(catalogue, services(catalogue));
        Council council = council(catalogue, calendars);
        List<ServiceLevelPolicy> policies = policies(catalogue);
        List<Facility> facilities = new FacilityReader(mistakes, zone, thisYear).facilities(catalogue);
        List<Article> articles = new ArticleFileReader(mistakes, unitIds, serviceIds,
                LocalDate.ofInstant(clock.instant(), zone), clock.instant()).articles(catalogue);
        Set<String> guideArticles = new java.util.LinkedHashSet<>();
        List<io.civicdesk.guides.Guide> guides = new GuideFileReader(mistakes)
                .guides(catalogue, services, facilities, articles, guideArticles);
        return new CatalogFile(council, units, services, calendars, policies, facilities, synonyms(catalogue), articles,
                clock.instant(), source, places).withGuides(guides, guideArticles).withRetention(retention(catalogue))
                .withResponses(responses(catalogue));
    }

    /** The council's own response templates, each read as the templates page's save is, for the file's services. */
    private List<ResponseTemplate> responses(Fields catalogue) {
        List<ResponseTemplate> templates = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        for (Fields.Item item : catalogue.list("responses", false, 500, "response templates")) {
            if (!item.value().isObject()) {
                mistakes.add(item.path(), "write a template as an id, title, use, language and text");
                continue;
            }
            String id = item.value().path("id").asText("");
            List<FieldError> errors = new ArrayList<>();
            ObjectNode body = ((ObjectNode) item.value().deepCopy()).put("version", 0);
            body.remove("id");
            ResponseDraft draft = ResponseReader.draft(body, errors);
            if (!Ids.isId(id)) {
                errors.add(new FieldError("id", "give the template an id of lowercase letters, digits and hyphens"));
            } else if (!ids.add(id)) {
                errors.add(new FieldError("id", "\"" + id + "\" is used by another template; give each its own"));
            }
            if (draft.serviceId() != null && !serviceIds.contains(draft.serviceId())) {
                errors.add(new FieldError("serviceId", "there is no service \"" + draft.serviceId() + "\" in this file"));
            }
            errors.forEach(error -> mistakes.add(item.path() + "." + error.field(), error.message()));
            if (errors.isEmpty()) {
                templates.add(new ResponseTemplate(id, draft.title(), draft.use(), draft.serviceId(), draft.status(),
                        draft.language(), draft.text(), false, 0, clock.instant(), "the catalogue file"));
            }
        }
        return templates;
    }

    /** The retention schedule's periods in days by kind of record; the kinds left out keep the product's defaults. */
    private Map<RecordKind, Integer> retention(Fields catalogue) {
        Map<RecordKind, Integer> days = new java.util.EnumMap<>(RecordKind.class);
        Fields retention = catalogue.object("retention", false, "the retention periods, in days, by kind of record",
                java.util.Arrays.stream(RecordKind.values()).map(RecordKind::wireName).toList());
        if (retention != null) {
            for (RecordKind kind : RecordKind.values()) {
                Long value = retention.whole(kind.wireName(), RecordKind.MIN_DAYS, RecordKind.MAX_DAYS, false);
                if (value != null) {
                    days.put(kind, value.intValue());
                }
            }
        }
        return days;
    }

    private Synonyms synonyms(Fields catalogue) {
        List<List<String>> groups = new ArrayList<>();
        for (Fields.Item item : catalogue.list("synonyms", false, 200, "groups of words that mean the same")) {
            Fields group = Fields.of(item.value(), item.path(), mistakes, "a group of words that mean the same", SYNONYMS);
            if (group != null) {
                List<String> words = group.texts("words", 40, 12);
                if (words.size() < 2) {
                    group.mistake("words", "list at least two words or phrases that mean the same, e.g. [rubbish, waste]");
                } else {
                    groups.add(words);
                }
            }
        }
        return new Synonyms(groups);
    }

    private Council council(Fields catalogue, List<BusinessCalendar> calendars) {
        Fields council = catalogue.object("council", true, "the council", COUNCIL);
        if (council == null) {
            return null;
        }
        String name = council.text("name", NAME);
        String calendarId = council.id("calendarId");
        if (calendarId != null && !calendarIds.contains(calendarId)) {
            council.mistake("calendarId", "there is no calendar \"" + calendarId + "\" in this file; " + chooseFrom(calendarIds, "calendars"));
        }
        if (name == null) {
            return null;
        }
        // The council keeps its calendar's time zone: the two cannot disagree.
        return calendars.stream().filter(calendar -> calendar.id().equals(calendarId)).findFirst()
                .map(calendar -> new Council(name, calendar.zone().getId(), calendarId)).orElse(null);
    }

    private List<Unit> units(Fields catalogue) {
        List<Unit> units = new ArrayList<>();
        for (Fields.Item item : catalogue.list("units", true, 100, "units")) {
            Fields unit = Fields.of(item.value(), item.path(), mistakes, "a unit", UNIT);
            if (unit == null) {
                continue;
            }
            int before = mistakes.count();
            String id = unit.id("id");
            unit.unique("id", id, unitIds, "unit");
            String name = unit.text("name", NAME);
            String email = unit.optionalText("email", 254);
            if (email != null && !EMAIL.matcher(email).matches()) {
                unit.mistake("email", "\"" + email + "\" is not an email address: write the unit's shared inbox, for example waste@council.example");
            }
            if (mistakes.count() == before) {
                units.add(new Unit(id, name, email));
            }
        }
        return units;
    }

    private List<Service> services(Fields catalogue) {
        List<Service> services = new ArrayList<>();
        for (Fields.Item item : catalogue.list("services", true, 200, "services")) {
            Fields service = Fields.of(item.value(), item.path(), mistakes, "a service", SERVICE);
            if (service == null) {
                continue;
            }
            int before = mistakes.count();
            String id = service.id("id");
            service.unique("id", id, serviceIds, "service");
            String name = service.text("name", NAME);
            String theme = service.text("theme", NAME);
            String unitId = service.id("unitId");
            if (unitId != null && !unitIds.contains(unitId)) {
                service.mistake("unitId", "there is no unit \"" + unitId + "\" in this file; " + chooseFrom(unitIds, "units"));
            }
            String description = service.text("description", 500);
            String whatHappensNext = service.text("whatHappensNext", 1000);
            String timeframe = service.text("timeframe", 300);
            String notice = service.optionalText("notice", 500);
            Long responseDays = service.whole("responseDays", 0, 365);
            Long resolutionDays = service.whole("resolutionDays", 0, 365);
            if (responseDays != null && resolutionDays != null && resolutionDays < responseDays) {
                service.mistake("resolutionDays", resolutionDays + " is sooner than the first response (responseDays "
                        + responseDays + "): promise the resolution on or after it");
            }
            List<String> keywords = service.texts("keywords", 60, 30);
            List<Question> questions = questions(service);
            ServiceFee fee = fee(service);
            if (mistakes.count() == before) {
                services.add(new Service(id, name, theme, unitId, description, whatHappensNext, timeframe, notice,
                        responseDays.intValue(), resolutionDays.intValue(), keywords, services.size() + 1, questions).withFee(fee));
            }
        }
        return services;
    }

    /** What the service costs, in cents, GST inclusive; left out, it is free. */
    private static ServiceFee fee(Fields service) {
        Fields fee = service.object("fee", false, "a fee", SERVICE_FEE);
        if (fee == null) {
            return null;
        }
        Long cents = fee.whole("amountCents", 1, ServiceFee.MAX_CENTS);
        String covers = fee.text("covers", 200);
        return cents == null || covers == null ? null : new ServiceFee(cents, covers, fee.flag("payOnline", false));
    }

    private List<Question> questions(Fields service) {
        List<Question> questions = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        for (Fields.Item item : service.list("questions", false, 30, "questions")) {
            Fields question = Fields.of(item.value(), item.path(), mistakes, "a question", QUESTION);
            if (question == null) {
                continue;
            }
            int before = mistakes.count();
            String id = question.id("id");
            question.unique("id", id, ids, "question of this service");
            String label = question.text("label", 200);
            QuestionType type = question.choice("type", QUESTION_TYPES, "a question type");
            boolean required = question.flag("required", false);
            String help = question.optionalText("help", 500);
            List<String> options = question.texts("options", 200, 50);
            boolean choice = type != null && type.isChoice();
            if (choice && (!question.has("options") || question.raw("options").isArray() && question.raw("options").size() < 2)) {
                question.mistake("options", "a " + type.wireName() + " question offers at least two options to choose from");
            } else if (type != null && !choice && question.has("options")) {
                question.mistake("options", "only single-choice and multiple-choice questions offer options; leave them out");
            }
            Long maxLength = null;
            boolean text = type == QuestionType.SHORT_TEXT || type == QuestionType.LONG_TEXT;
            if (text) {
                maxLength = question.whole("maxLength", 1, type.defaultMaxLength(), false);
            } else if (type != null && question.has("maxLength")) {
                question.mistake("maxLength", "only short-text and long-text answers have a longest length; leave it out");
            }
            Double min = null;
            Double max = null;
            if (type == QuestionType.NUMBER) {
                min = question.optionalNumber("min");
                max = question.optionalNumber("max");
                if (min != null && max != null && max < min) {
                    question.mistake("max", "is below min (" + question.raw("min").asText() + "): the smallest answer allowed comes first");
                }
            } else if (type != null) {
                for (String bound : List.of("min", "max")) {
                    if (question.has(bound)) {
                        question.mistake(bound, "only number answers have bounds; leave it out");
                    }
                }
            }
            if (mistakes.count() == before) {
                questions.add(new Question(id, label, type, required, help, options, questions.size() + 1,
                        maxLength == null ? null : maxLength.intValue(), min, max));
            }
        }
        return questions;
    }

    private List<BusinessCalendar> calendars(Fields catalogue) {
        List<BusinessCalendar> calendars = new ArrayList<>();
        for (Fields.Item item : catalogue.list("calendars", true, 20, "calendars")) {
            Fields calendar = Fields.of(item.value(), item.path(), mistakes, "a calendar", CALENDAR);
            if (calendar == null) {
                continue;
            }
            int before = mistakes.count();
            String id = calendar.id("id");
            calendar.unique("id", id, calendarIds, "calendar");
            Map<LocalDate, String> holidays = publicHolidays(calendar);
            BusinessCalendar listed = checked(mistakes, calendar, () -> ServiceLevelReader.calendar(String.valueOf(id), item.value()));
            if (mistakes.count() == before) {
                // A holiday listed by hand names its day, even one the state also has.
                holidays.putAll(listed.holidays());
                calendars.add(new BusinessCalendar(id, listed.zone(), listed.openingHours(), holidays));
            }
        }
        return calendars;
    }

    /** The state's holidays for the years given, by date; none when the calendar names no state. */
    private Map<LocalDate, String> publicHolidays(Fields calendar) {
        Map<LocalDate, String> holidays = new HashMap<>();
        Fields generator = calendar.object("publicHolidays", false, "a state's public holidays", PUBLIC_HOLIDAYS);
        if (generator == null) {
            return holidays;
        }
        IntFunction<List<PublicHoliday>> state = generator.choice("state", STATES, "a state whose public holidays CivicDesk knows");
        List<Integer> years = generator.years("years", thisYear);
        if (state != null) {
            years.stream().flatMap(year -> state.apply(year).stream()).forEach(holiday -> holidays.put(holiday.date(), holiday.name()));
        }
        return holidays;
    }

    private List<ServiceLevelPolicy> policies(Fields catalogue) {
        List<ServiceLevelPolicy> policies = new ArrayList<>();
        List<Fields.Item> items = catalogue.list("policies", false, 100, "policies");
        Set<String> ids = new LinkedHashSet<>();
        JsonNode above = null;
        for (Fields.Item item : items) {
            Fields policy = Fields.of(item.value(), item.path(), mistakes, "a policy", POLICY);
            if (policy == null) {
                continue;
            }
            int before = mistakes.count();
            // Read top down as they are tried: each below the latest place above it, whatever else is wrong with either.
            JsonNode order = policy.raw("order");
            if (above != null && order.isIntegralNumber() && order.asLong() < above.path("order").asLong()) {
                policy.mistake("order", order.asLong() + " comes before " + above.path("order").asLong() + " (policy "
                        + above.path("id").asText() + ", above): list the policies in their order, the one tried first at the top");
            }
            if (order.isIntegralNumber() && (above == null || order.asLong() > above.path("order").asLong())) {
                above = item.value();
            }
            String id = policy.id("id");
            policy.unique("id", id, ids, "policy");
            ServiceLevelPolicy read = checked(mistakes, policy, () -> ServiceLevelReader.policy(String.valueOf(id), item.value(),
                    new FileCatalogue(items.subList(0, item.index()))));
            if (mistakes.count() == before) {
                policies.add(read);
            }
        }
        return policies;
    }

    /** What a policy may name: this file's services and calendars, and the places its earlier policies hold. */
    private final class FileCatalogue implements PolicyReferences {
        private final List<Fields.Item> earlier;

        FileCatalogue(List<Fields.Item> earlier) {
            this.earlier = earlier;
        }

        @Override
        public boolean hasService(String serviceId) {
            return serviceIds.contains(serviceId);
        }

        @Override
        public boolean hasCalendar(String calendarId) {
            return calendarIds.contains(calendarId);
        }

        @Override
        public Optional<String> policyAt(int order, String otherThanPolicyId) {
            return earlier.stream().map(Fields.Item::value)
                    .filter(policy -> policy.path("order").isIntegralNumber() && policy.path("order").asLong() == order)
                    .map(policy -> policy.path("id").asText()).findFirst();
        }
    }

    /**
     * What a domain reader or constructor makes of a part of the file, its mistakes placed under that part; null
     * when it has any.
     */
    static <T> T checked(Mistakes mistakes, Fields part, Supplier<T> read) {
        try {
            return read.get();
        } catch (Refusal e) {
            if (e.errors().isEmpty()) {
                mistakes.add(part.here(), e.getMessage());
            }
            for (FieldError error : e.errors()) {
                mistakes.add(part.path(error.field()), error.message());
            }
            return null;
        } catch (IllegalArgumentException e) {
            mistakes.add(part.here(), e.getMessage());
            return null;
        }
    }

    private static String chooseFrom(Set<String> ids, String what) {
        return ids.isEmpty() ? "add it to " + what : "choose one of " + ids.stream().collect(Collectors.joining(", "));
    }
}
