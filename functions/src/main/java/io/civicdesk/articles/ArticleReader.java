package io.civicdesk.articles;

import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.catalog.Catalog;
import io.civicdesk.languages.Language;
import io.civicdesk.languages.Translations;
import io.civicdesk.platform.DateInput;
import io.civicdesk.platform.FieldError;
import io.civicdesk.platform.Ids;
import io.civicdesk.platform.NumberInput;
import io.civicdesk.platform.Refusal;
import io.civicdesk.platform.TextInput;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The bodies of the staff article routes. {@code PUT /staff/articles/{articleId}}: {@code {kind, audience, title,
 * summary, body, serviceIds, unitId, reviewBy, revision, translations}}, where {@code translations} is
 * {@code {"ar": {"title", "summary", "body"}, "vi": {...}}} (each optional: a field left out or blank is read in
 * English); publish and retire: {@code {revision}}. Each mistake names its field ({@code translations.ar.title});
 * services and units must be the catalogue's.
 */
final class ArticleReader {
    /** Words the staff routes use after {@code /staff/articles/}: never an article's id. */
    static final Set<String> RESERVED_IDS = Set.of("preview");

    private ArticleReader() {
    }

    /** A resident's link to an article: anything but an id is simply not an article (the same 404 as any other). */
    static String residentsId(String text) {
        if (!Ids.isId(text)) {
            throw Refusal.notFound(ArticleService.NOT_FOUND);
        }
        return text;
    }

    static String id(String text) {
        return Ids.require(text, "articleId", "article");
    }

    /** The id a save is made under, which may be a new article's: never a word the staff routes use. */
    static String newId(String text) {
        String id = id(text);
        if (RESERVED_IDS.contains(id)) {
            throw Refusal.invalid("articleId", "\"" + id + "\" is kept for the staff pages: choose another id.");
        }
        return id;
    }

    static ArticleDraft draft(JsonNode body, Catalog catalog, LocalDate today) {
        requireObject(body);
        List<FieldError> errors = new ArrayList<>();
        ArticleKind kind = code(body.path("kind"), "kind", errors, ArticleKind.values(), ArticleKind::code);
        Audience audience = code(body.path("audience"), "audience", errors, Audience.values(), Audience::code);
        String title = required(body.path("title"), "title", "The title", Article.TITLE_MAX, errors);
        String summary = required(body.path("summary"), "summary", "The summary", Article.SUMMARY_MAX, errors);
        String text = required(body.path("body"), "body", "The article", Article.BODY_MAX, errors);
        List<String> serviceIds = serviceIds(body.path("serviceIds"), catalog, errors);
        int beforeUnit = errors.size();
        String unitId = Ids.read(body.path("unitId"), "unitId", "unit", errors);
        if (unitId == null && errors.size() == beforeUnit) {
            errors.add(new FieldError("unitId", "Choose the unit that owns the article."));
        } else if (unitId != null && catalog.unit(unitId).isEmpty()) {
            errors.add(new FieldError("unitId", "There is no unit \"" + unitId + "\": choose one of the council's units."));
        }
        LocalDate reviewBy = DateInput.read(body.path("reviewBy"), "reviewBy",
                "Give the date to review it by as a date " + DateInput.YEARS + ", like 2027-06-30.", errors);
        if (reviewBy != null && reviewBy.isBefore(today)) {
            errors.add(new FieldError("reviewBy", "The review date has passed: give a date from today on."));
        }
        Long revision = NumberInput.whole(body.path("revision"), "revision", 0, Integer.MAX_VALUE,
                "Send the revision you were shown, so a change made meanwhile is not undone.", errors);
        Translations translations = translations(body.path("translations"), errors);
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
        return new ArticleDraft(kind, audience, title, summary, text, serviceIds, unitId, reviewBy,
                revision == null ? null : revision.intValue(), translations);
    }

    /** The revision a publish or retire was asked on. */
    static int revision(JsonNode body) {
        requireObject(body);
        List<FieldError> errors = new ArrayList<>();
        Long revision = NumberInput.requiredWhole(body.path("revision"), "revision", 0, Integer.MAX_VALUE,
                "Send the revision you were shown, so a change made meanwhile is not undone.", errors);
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
        return revision.intValue();
    }

    /** The Markdown of a preview. */
    static String previewBody(JsonNode body) {
        requireObject(body);
        List<FieldError> errors = new ArrayList<>();
        String text = TextInput.optional(body.path("body"), "body", "The article", Article.BODY_MAX, errors);
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
        return text == null ? "" : text;
    }

    private static void requireObject(JsonNode body) {
        if (!body.isObject()) {
            throw Refusal.unreadable("Send the article as a JSON object.");
        }
    }

    private static String required(JsonNode value, String field, String label, int max, List<FieldError> errors) {
        int before = errors.size();
        String text = TextInput.optional(value, field, label, max, errors);
        if (text == null && errors.size() == before) {
            errors.add(new FieldError(field, label + " is needed."));
        }
        return text;
    }

    /** The texts in each language but English; a language we do not speak, or a field not translated, is refused. */
    private static Translations translations(JsonNode value, List<FieldError> errors) {
        if (value.isMissingNode() || value.isNull()) {
            return Translations.NONE;
        }
        if (!value.isObject()) {
            errors.add(new FieldError("translations", "Give the translations as an object by language, like"
                    + " {\"ar\": {\"title\": \"…\"}}."));
            return Translations.NONE;
        }
        Map<String, Map<String, String>> byLanguage = new LinkedHashMap<>();
        value.fields().forEachRemaining(entry -> {
            String field = "translations." + entry.getKey();
            Language language = Language.of(entry.getKey()).filter(found -> found != Language.SOURCE
                    && found.tag().equals(entry.getKey())).orElse(null);
            if (language == null) {
                errors.add(new FieldError(field, "Translate into one of " + String.join(", ", Language.supported().stream()
                        .filter(each -> each != Language.SOURCE).map(Language::tag).toList())
                        + "; English is the article's own text."));
                return;
            }
            if (!entry.getValue().isObject()) {
                errors.add(new FieldError(field, "Give the " + language.tag() + " texts as an object of title, summary and body."));
                return;
            }
            Map<String, String> texts = new LinkedHashMap<>();
            entry.getValue().fieldNames().forEachRemaining(name -> {
                if (!Article.FIELDS.contains(name)) {
                    errors.add(new FieldError(field + "." + name, "Only the title, summary and body are translated."));
                }
            });
            translated(entry.getValue(), field, "title", "The title", Article.TITLE_MAX, texts, errors);
            translated(entry.getValue(), field, "summary", "The summary", Article.SUMMARY_MAX, texts, errors);
            translated(entry.getValue(), field, "body", "The article", Article.BODY_MAX, texts, errors);
            byLanguage.put(language.tag(), texts);
        });
        return new Translations(byLanguage);
    }

    private static void translated(JsonNode texts, String prefix, String name, String label, int max,
                                   Map<String, String> into, List<FieldError> errors) {
        String text = TextInput.optional(texts.path(name), prefix + "." + name, label, max, errors);
        if (text != null) {
            into.put(name, text);
        }
    }

    private static <E extends Enum<E>> E code(JsonNode value, String field, List<FieldError> errors, E[] values,
                                              Function<E, String> codeOf) {
        for (E each : values) {
            if (value.isTextual() && codeOf.apply(each).equals(value.asText())) {
                return each;
            }
        }
        errors.add(new FieldError(field, "Choose " + String.join(" or ", Arrays.stream(values).map(codeOf).toList()) + "."));
        return null;
    }

    private static List<String> serviceIds(JsonNode value, Catalog catalog, List<FieldError> errors) {
        if (value.isMissingNode() || value.isNull()) {
            return List.of();
        }
        if (!value.isArray() || value.size() > Article.MOST_SERVICES) {
            errors.add(new FieldError("serviceIds", "Give up to " + Article.MOST_SERVICES + " service ids as a list."));
            return List.of();
        }
        Set<String> ids = new LinkedHashSet<>();
        for (int i = 0; i < value.size(); i++) {
            String field = "serviceIds[" + i + "]";
            String id = Ids.read(value.get(i), field, "service", errors);
            if (id != null && catalog.service(id).isEmpty()) {
                errors.add(new FieldError(field, "There is no service \"" + id + "\": choose one of the council's services."));
            } else if (id != null) {
                ids.add(id);
            }
        }
        return List.copyOf(ids);
    }
}
