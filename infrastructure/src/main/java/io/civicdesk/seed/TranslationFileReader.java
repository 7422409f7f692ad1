package io.civicdesk.seed;

import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.catalog.Question;
import io.civicdesk.catalog.Service;
import io.civicdesk.languages.Language;
import io.civicdesk.languages.Translations;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

/**
 * Reads the catalogue file's {@code translations:} section (docs/languages.md): per language tag, the services'
 * texts in that language, by service id, and their themes by the English theme. A translator writes only what they
 * translate; what is left out stays English. Every language, service, question, option and field named must be one
 * the file has, so a typo is a mistake with its line, never a text silently left in English.
 *
 * <pre>
 * translations:
 *   ar:
 *     themes: {Bins and waste: ...}
 *     services:
 *       missed-bin:
 *         name: ...
 *         questions:
 *           bin-type: {label: ..., help: ..., options: {General waste (red lid): ...}}
 * </pre>
 */
final class TranslationFileReader {
    static final List<String> LANGUAGE = List.of("themes", "services");
    static final List<String> SERVICE = List.of("name", "description", "whatHappensNext", "timeframe", "notice", "feeCovers", "questions");
    static final List<String> QUESTION = List.of("label", "help", "options");
    private static final Map<String, Integer> LONGEST = Map.of("name", CatalogFileReader.NAME, "theme", CatalogFileReader.NAME,
            "description", 500, "whatHappensNext", 1000, "timeframe", 300, "notice", 500, "feeCovers", 200, "label", 200, "help", 500, "option", 200);

    private final Mistakes mistakes;

    TranslationFileReader(Mistakes mistakes) {
        this.mistakes = mistakes;
    }

    /** The services with the file's translations; as they were when it has none. */
    List<Service> translate(Fields catalogue, List<Service> services) {
        JsonNode section = catalogue.raw("translations");
        if (section.isMissingNode() || section.isNull()) {
            return services;
        }
        String path = catalogue.path("translations");
        if (!section.isObject()) {
            mistakes.add(path, "must be a mapping of language tags (" + tags() + ") to their translations, not " + Fields.shown(section));
            return services;
        }
        Map<String, Service> byId = new LinkedHashMap<>();
        services.forEach(service -> byId.put(service.id(), service));
        Map<String, Map<String, Map<String, String>>> texts = new HashMap<>(); // service id → language → field → text
        section.fields().forEachRemaining(entry -> {
            String at = path + "." + entry.getKey();
            Language language = Language.of(entry.getKey()).filter(found -> found != Language.SOURCE
                    && found.tag().equals(entry.getKey())).orElse(null);
            if (language == null) {
                mistakes.add(at, "\"" + entry.getKey() + "\" is not a language to translate into: write one of " + tags()
                        + " (English is the services' own text)");
                return;
            }
            Fields fields = Fields.of(entry.getValue(), at, mistakes, "a language's translations", LANGUAGE);
            if (fields != null) {
                read(fields, byId, (serviceId, translated) -> texts.computeIfAbsent(serviceId, id -> new HashMap<>())
                        .computeIfAbsent(language.tag(), tag -> new LinkedHashMap<>()).putAll(translated));
            }
        });
        List<Service> translated = new ArrayList<>();
        for (Service service : services) {
            Map<String, Map<String, String>> own = texts.getOrDefault(service.id(), Map.of());
            translated.add(own.isEmpty() ? service : service.withTranslations(new Translations(own)));
        }
        return translated;
    }

    private void read(Fields language, Map<String, Service> services, BiConsumer<String, Map<String, String>> into) {
        Map<String, String> themes = keyed(language.raw("themes"), language.path("themes"), "theme",
                services.values().stream().map(Service::theme).distinct().toList(), "theme");
        services.values().stream().filter(service -> themes.containsKey(service.theme()))
                .forEach(service -> into.accept(service.id(), Map.of("theme", themes.get(service.theme()))));
        JsonNode given = language.raw("services");
        if (given.isMissingNode() || given.isNull()) {
            return;
        }
        if (!given.isObject()) {
            language.mistake("services", "must be a mapping of service ids to their texts, not " + Fields.shown(given));
            return;
        }
        given.fields().forEachRemaining(entry -> {
            String at = language.path("services") + "." + entry.getKey();
            Service service = services.get(entry.getKey());
            if (service == null) {
                mistakes.add(at, "there is no service \"" + entry.getKey() + "\" in this file; choose one of "
                        + String.join(", ", services.keySet()));
                return;
            }
            Fields fields = Fields.of(entry.getValue(), at, mistakes, "a service's translation", SERVICE);
            if (fields != null) {
                into.accept(service.id(), service(fields, service));
            }
        });
    }

    private Map<String, String> service(Fields fields, Service service) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (String name : SERVICE.subList(0, SERVICE.size() - 1)) {
            String text = text(fields.raw(name), fields.path(name), LONGEST.get(name));
            if (text != null && name.equals("notice") && service.notice() == null) {
                fields.mistake(name, "the service has no notice in English to translate");
            } else if (text != null && name.equals("feeCovers") && service.fee() == null) {
                fields.mistake(name, "the service has no fee whose cover to translate");
            } else if (text != null) {
                texts.put(name, text);
            }
        }
        JsonNode questions = fields.raw("questions");
        if (!questions.isMissingNode() && !questions.isNull() && !questions.isObject()) {
            fields.mistake("questions", "must be a mapping of question ids to their texts, not " + Fields.shown(questions));
        } else if (questions.isObject()) {
            questions.fields().forEachRemaining(entry -> {
                String at = fields.path("questions") + "." + entry.getKey();
                Question question = service.question(entry.getKey()).orElse(null);
                if (question == null) {
                    mistakes.add(at, "service " + service.id() + " asks no question \"" + entry.getKey() + "\"; its questions are "
                            + service.questions().stream().map(Question::id).collect(Collectors.joining(", ")));
                    return;
                }
                Fields translated = Fields.of(entry.getValue(), at, mistakes, "a question's translation", QUESTION);
                if (translated != null) {
                    texts.putAll(question(translated, question));
                }
            });
        }
        return texts;
    }

    private Map<String, String> question(Fields fields, Question question) {
        Map<String, String> texts = new LinkedHashMap<>();
        String prefix = "question." + question.id() + ".";
        String label = text(fields.raw("label"), fields.path("label"), LONGEST.get("label"));
        if (label != null) {
            texts.put(prefix + "label", label);
        }
        String help = text(fields.raw("help"), fields.path("help"), LONGEST.get("help"));
        if (help != null && question.help() == null) {
            fields.mistake("help", "the question has no help in English to translate");
        } else if (help != null) {
            texts.put(prefix + "help", help);
        }
        keyed(fields.raw("options"), fields.path("options"), "option", question.options(), "option of this question")
                .forEach((option, text) -> texts.put(prefix + "option." + option, text));
        return texts;
    }

    /** A mapping of English texts ({@code known}) to their translations; the unknown and the empty are mistakes. */
    private Map<String, String> keyed(JsonNode node, String path, String field, List<String> known, String what) {
        Map<String, String> texts = new LinkedHashMap<>();
        if (node.isMissingNode() || node.isNull()) {
            return texts;
        }
        if (!node.isObject()) {
            mistakes.add(path, "must be a mapping of each English " + field + " to its translation, not " + Fields.shown(node));
            return texts;
        }
        node.fields().forEachRemaining(entry -> {
            String at = path + "." + entry.getKey();
            if (!known.contains(entry.getKey())) {
                mistakes.add(at, "\"" + entry.getKey() + "\" is not an " + what + "; write it as the English has it: "
                        + String.join(", ", known));
                return;
            }
            String text = text(entry.getValue(), at, LONGEST.get(field));
            if (text != null) {
                texts.put(entry.getKey(), text);
            }
        });
        return texts;
    }

    /** Text of up to {@code longest} characters; null when left out, and then a mistake when written but not text. */
    private String text(JsonNode value, String at, int longest) {
        return value.isMissingNode() || value.isNull() ? null : Fields.text(value, at, longest, mistakes);
    }

    private static String tags() {
        return Language.supported().stream().filter(language -> language != Language.SOURCE).map(Language::tag)
                .collect(Collectors.joining(", "));
    }
}
