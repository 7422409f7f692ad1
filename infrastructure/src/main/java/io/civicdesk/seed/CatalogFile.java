package io.civicdesk.seed;

import io.civicdesk.bookings.Facility;
import io.civicdesk.articles.Article;
import io.civicdesk.search.Synonyms;
import io.civicdesk.catalog.Council;
import io.civicdesk.catalog.Service;
import io.civicdesk.catalog.Unit;
import io.civicdesk.guides.Guide;
import io.civicdesk.responses.ResponseTemplate;
import io.civicdesk.privacy.RecordKind;
import io.civicdesk.sla.BusinessCalendar;
import io.civicdesk.sla.ServiceLevelPolicy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A council's catalogue as its file describes it (docs/catalogue.md; the schema and the demo council's example are
 * in infrastructure/catalogue/): the council, its units, its services and their questions, its business calendars,
 * its service-level policies in order, and its bookable facilities with their rules. Read and checked whole, so
 * nothing is written from a file with a mistake in it.
 */
public final class CatalogFile {
    private final Council council;
    private final List<Unit> units;
    private final List<Service> services;
    private final List<BusinessCalendar> calendars;
    private final List<ServiceLevelPolicy> policies;
    private final List<Facility> facilities;
    private final Synonyms synonyms;
    private final List<Article> articles;
    private final Instant readAt;
    private final String source;
    private final Map<String, YamlTree.Place> places;
    private List<Guide> guides = List.of();
    private Map<RecordKind, Integer> retention = Map.of();
    private List<ResponseTemplate> responses = List.of();
    private Set<String> guideArticles = Set.of();

    CatalogFile(Council council, List<Unit> units, List<Service> services, List<BusinessCalendar> calendars,
                List<ServiceLevelPolicy> policies, List<Facility> facilities, Synonyms synonyms, List<Article> articles, Instant readAt, String source, Map<String, YamlTree.Place> places) {
        this.council = council;
        this.units = List.copyOf(units);
        this.services = List.copyOf(services);
        this.calendars = List.copyOf(calendars);
        this.policies = List.copyOf(policies);
        this.facilities = List.copyOf(facilities);
        this.synonyms = synonyms;
        this.articles = List.copyOf(articles);
        this.readAt = readAt;
        this.source = source;
        this.places = places;
    }

    /**
     * Reads and checks a catalogue written in YAML or JSON; {@code source} names it in mistakes. Dates written
     * relative to "this year" are counted from {@code clock}'s date in the council's time zone.
     */
    public static CatalogFile read(String source, String text, Clock clock) throws CatalogFileException {
        return CatalogFileReader.read(source, text, clock);
    }

    public static CatalogFile read(Path file, Clock clock) throws CatalogFileException, IOException {
        return read(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8), clock);
    }

    public Council council() {
        return council;
    }

    public List<Unit> units() {
        return units;
    }

    /** In the order residents see them. */
    public List<Service> services() {
        return services;
    }

    public List<BusinessCalendar> calendars() {
        return calendars;
    }

    public BusinessCalendar calendar(String calendarId) {
        return calendars.stream().filter(calendar -> calendar.id().equals(calendarId)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("The file has no calendar " + calendarId));
    }

    /** In their order: the first that fits a request is its policy. */
    public List<ServiceLevelPolicy> policies() {
        return policies;
    }

    public List<Facility> facilities() {
        return facilities;
    }

    /** When the file was read: what its relative dates count from, and when what it loads was changed. */
    public Instant readAt() {
        return readAt;
    }

    /** The knowledge base's articles, each to be published as written; none when the file lists none. */
    public List<Article> articles() {
        return articles;
    }

    /** The council's synonyms for search; none when the file lists none. */
    public Synonyms synonyms() {
        return synonyms;
    }

    /** The guided conversations for residents, each already checked whole; none when the file lists none. */
    public List<Guide> guides() {
        return guides;
    }

    /** The articles the guided conversations lead to, which the load tells of when they are not published. */
    public Set<String> guideArticles() {
        return guideArticles;
    }

    /** How long each kind of record keeps residents' details, in days; empty when the file has no {@code retention:}. */
    public Map<RecordKind, Integer> retention() {
        return retention;
    }

    /** The council's own response templates, over the product's defaults; empty when the file has no {@code responses:}. */
    public List<ResponseTemplate> responses() {
        return responses;
    }

    /** Set once by the reader. */
    CatalogFile withResponses(List<ResponseTemplate> templates) {
        this.responses = List.copyOf(templates);
        return this;
    }

    /** Set once by the reader. */
    CatalogFile withRetention(Map<RecordKind, Integer> days) {
        this.retention = Map.copyOf(days);
        return this;
    }

    /** Set once by the reader, after the sections the guides lead to are read. */
    CatalogFile withGuides(List<Guide> guides, Set<String> articles) {
        this.guides = List.copyOf(guides);
        this.guideArticles = Set.copyOf(articles);
        return this;
    }

    /** Mistakes found later, against what a table holds, placed in this file as the reading's own are. */
    Mistakes mistakes() {
        Mistakes mistakes = new Mistakes(source);
        mistakes.placesFrom(places);
        return mistakes;
    }
}
