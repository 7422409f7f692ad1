package io.civicdesk.seed;

import io.civicdesk.articles.Article;
import io.civicdesk.articles.ArticleKind;
import io.civicdesk.articles.ArticleLibrary;
import io.civicdesk.articles.Audience;
import io.civicdesk.bookings.Facility;
import io.civicdesk.catalog.Catalog;
import io.civicdesk.catalog.CatalogStore;
import io.civicdesk.catalog.Council;
import io.civicdesk.catalog.Service;
import io.civicdesk.catalog.Unit;
import io.civicdesk.guides.Guide;
import io.civicdesk.guides.GuideCheck;
import io.civicdesk.guides.GuideReader;
import io.civicdesk.guides.GuideStep;
import io.civicdesk.platform.FieldError;
import io.civicdesk.sla.BusinessCalendar;
import io.civicdesk.sla.ServiceLevelPolicy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the file's guided conversations ({@code guides:}, each written as {@link GuideReader} reads a save, with
 * an {@code id}) and checks each whole with {@link GuideCheck} against the file's own services, their questions and
 * options, and its facilities, each mistake placed at its step and answer in the file.
 *
 * <p>An answer leading to an article the file has must lead to one for residents. One the file does not have passes
 * here: it may be published in the table by staff. The ids the answers lead to are kept
 * ({@link CatalogFile#guideArticles()}), and the load tells any not published for residents once it is done, so a
 * council sees where a resident would find nothing.
 */
final class GuideFileReader {
    private static final List<String> GUIDE = List.of("id", "title", "intro", "firstStepId", "steps");
    private static final Pattern STEP = Pattern.compile("^steps\\.([a-z0-9-]+)");

    private final Mistakes mistakes;

    GuideFileReader(Mistakes mistakes) {
        this.mistakes = mistakes;
    }

    /** The guides, and in {@code led} each article id an answer leads to. */
    List<Guide> guides(Fields catalogue, List<Service> services, List<Facility> facilities, List<Article> articles,
                       Set<String> led) {
        Set<String> facilityIds = new LinkedHashSet<>();
        facilities.forEach(facility -> facilityIds.add(facility.id()));
        GuideCheck check = new GuideCheck(new FileServices(services), new FileArticles(articles, led), facilityIds::contains);
        List<Guide> guides = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        for (Fields.Item item : catalogue.list("guides", false, 100, "guided conversations")) {
            Fields fields = Fields.of(item.value(), item.path(), mistakes, "a guided conversation", GUIDE);
            if (fields == null) {
                continue;
            }
            String topicId = fields.id("id");
            if (topicId == null) {
                continue;
            }
            fields.unique("id", topicId, ids, "guided conversation");
            List<FieldError> errors = new ArrayList<>();
            Guide guide = GuideReader.guide(item.value(), topicId, errors);
            Set<String> named = new LinkedHashSet<>();
            errors.forEach(error -> named.add(error.field()));
            check.mistakes(guide).stream().filter(error -> !named.contains(error.field())).forEach(errors::add);
            errors.forEach(error -> mistakes.add(item.path() + "." + inFile(error.field(), guide), error.message()));
            if (errors.isEmpty()) {
                guides.add(guide);
            }
        }
        return guides;
    }

    /** {@code steps.which-bin.answers[1].lead} as the file's path: {@code steps[0].answers[1]}. */
    private static String inFile(String field, Guide guide) {
        Matcher step = STEP.matcher(field);
        String path = field;
        if (step.find()) {
            List<String> stepIds = guide.steps().stream().map(GuideStep::stepId).toList();
            path = "steps[" + stepIds.indexOf(step.group(1)) + "]" + field.substring(step.end());
        }
        return path.replace(".lead", "");
    }

    /** The file's articles; any other id passes as a resident article. Each id asked for is noted in {@code led}. */
    static final class FileArticles implements ArticleLibrary {
        private final Map<String, Article> articles = new LinkedHashMap<>();
        private final Set<String> led;

        FileArticles(List<Article> articles, Set<String> led) {
            articles.forEach(article -> this.articles.put(article.articleId(), article));
            this.led = led;
        }

        @Override
        public List<Article> published() {
            return List.copyOf(articles.values());
        }

        @Override
        public Optional<Article> published(String articleId) {
            led.add(articleId);
            return Optional.of(articles.getOrDefault(articleId, new Article(articleId, ArticleKind.GUIDANCE,
                    Audience.RESIDENTS, articleId, "", "", List.of(), "", null, 1, null, "the catalogue file", null)));
        }
    }

    /** The file's services, as the check reads the catalogue. */
    static final class FileServices implements Catalog {
        private final Map<String, Service> services = new LinkedHashMap<>();

        FileServices(List<Service> services) {
            services.forEach(service -> this.services.put(service.id(), service));
        }

        @Override
        public CatalogStore.Catalogue catalogue() {
            return new CatalogStore.Catalogue(null, Map.of(), List.copyOf(services.values()), List.of());
        }

        @Override
        public List<ServiceLevelPolicy> policies() {
            return List.of();
        }

        @Override
        public Optional<Service> service(String serviceId) {
            return Optional.ofNullable(services.get(serviceId));
        }

        @Override
        public Map<String, Unit> units() {
            return Map.of();
        }

        @Override
        public Optional<Unit> unit(String unitId) {
            return Optional.empty();
        }

        @Override
        public Council council() {
            return null;
        }

        @Override
        public Optional<BusinessCalendar> calendar(String calendarId) {
            return Optional.empty();
        }
    }
}
