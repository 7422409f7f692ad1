package io.civicdesk.portal;

import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.languages.Language;
import io.civicdesk.local.LocalStack;
import io.civicdesk.platform.Json;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The portal's message catalogues (portal/i18n/*.json) are complete: every language the product speaks has a file,
 * every English key is in every language, filled in, with the same values and elements put in; a language has more
 * keys only as plural forms English does not need. And every key a resident page names (data-i18n, data-i18n-label,
 * the header's service-key) or its scripts ask for (t, tn, tParts, say) is in English, the source.
 */
class PortalTranslationsAreCompleteTest {
    private static final Path PORTAL = LocalStack.findProjectRoot().resolve("portal");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9]+)}");
    private static final Pattern PAGE_KEY = Pattern.compile("data-i18n(?:-label)?=\"([^\"{]+)\"|service-key=\"([^\"{]+)\"");
    private static final Pattern SCRIPT_KEY = Pattern.compile("\\b(t|tn|tParts|say)\\(\\s*'([^']+)'");
    private static final Pattern PICKER_LANGUAGE = Pattern.compile("\\{ tag: '([a-z-]+)'");
    private static final Set<String> PLURAL_FORMS = Set.of("zero", "one", "two", "few", "many", "other");

    static Map<String, String> catalogue(Language language) throws IOException {
        Path file = PORTAL.resolve("i18n/" + language.tag() + ".json");
        assertTrue(Files.exists(file), "no catalogue " + file);
        JsonNode tree = Json.MAPPER.readTree(Files.readString(file));
        Map<String, String> messages = new LinkedHashMap<>();
        tree.fields().forEachRemaining(entry -> messages.put(entry.getKey(), entry.getValue().asText(null)));
        return messages;
    }

    private static Set<String> placeholders(String text) {
        return PLACEHOLDER.matcher(text).results().map(found -> found.group(1)).collect(Collectors.toCollection(TreeSet::new));
    }

    /** A plural form (services.count.few) of a key English has as .other: only the languages that need it have it. */
    private static boolean pluralOfEnglish(String key, Map<String, String> english) {
        int dot = key.lastIndexOf('.');
        return dot > 0 && PLURAL_FORMS.contains(key.substring(dot + 1)) && english.containsKey(other(key));
    }

    private static String other(String key) {
        return key.substring(0, key.lastIndexOf('.')) + ".other";
    }

    @Test
    void everyLanguageHasEveryEnglishTextFilledInWithTheSameValuesPutIn() throws IOException {
        Map<String, String> english = catalogue(Language.SOURCE);
        Map<String, String> problems = new TreeMap<>();
        for (Language language : Language.supported()) {
            Map<String, String> messages = catalogue(language);
            english.forEach((key, source) -> {
                String text = messages.get(key);
                if (text == null || text.isBlank()) {
                    problems.put(language.tag() + ": " + key, "missing or empty");
                }
            });
            messages.forEach((key, text) -> {
                if (!english.containsKey(key) && !pluralOfEnglish(key, english)) {
                    problems.put(language.tag() + ": " + key, "not in English, the source");
                    return;
                }
                // A plural form may leave the count out ("one service" in words), never put in what English does not.
                Set<String> source = placeholders(english.getOrDefault(key, english.get(other(key))));
                boolean plural = pluralOfEnglish(key, english);
                if (plural ? !source.containsAll(placeholders(text)) : !placeholders(text).equals(source)) {
                    problems.put(language.tag() + ": " + key, "puts in " + placeholders(text) + ", English " + source);
                }
            });
        }
        assertEquals(Map.of(), problems);
    }

    @Test
    void everyKeyAResidentPageOrItsScriptsUseIsInEnglish() throws IOException {
        Map<String, String> english = catalogue(Language.SOURCE);
        Map<String, Set<String>> missing = new TreeMap<>();
        int used = 0;
        for (Path file : residentFiles()) {
            String text = Files.readString(file);
            List<String> keys = file.toString().endsWith(".html")
                    ? PAGE_KEY.matcher(text).results().map(found -> found.group(1) != null ? found.group(1) : found.group(2)).toList()
                    : SCRIPT_KEY.matcher(text).results().map(found -> found.group(1).equals("tn") ? found.group(2) + ".other" : found.group(2)).toList();
            used += keys.size();
            keys.stream().filter(key -> !english.containsKey(key))
                    .forEach(key -> missing.computeIfAbsent(PORTAL.relativize(file).toString(), name -> new TreeSet<>()).add(key));
        }
        assertTrue(used > 200, "the pages' and scripts' keys were found: " + used);
        assertEquals(Map.of(), missing);
    }

    @Test
    void thePickerOffersEveryLanguageTheProductSpeaksAndNoOther() throws IOException {
        Set<String> picker = PICKER_LANGUAGE.matcher(Files.readString(PORTAL.resolve("js/i18n.js"))).results()
                .map(found -> found.group(1)).collect(Collectors.toCollection(TreeSet::new));
        Set<String> header = Pattern.compile("<option value=\"([a-z-]+)\" lang=\"\\1\"").matcher(Files.readString(PORTAL.resolve("_includes/header.html")))
                .results().map(found -> found.group(1)).collect(Collectors.toCollection(TreeSet::new));
        Set<String> product = Language.supported().stream().map(Language::tag).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(product, picker);
        assertEquals(product, header);
    }

    /** The resident pages, their shared pieces and scripts: the staff pages stay in English. */
    private static List<Path> residentFiles() throws IOException {
        try (Stream<Path> files = Files.walk(PORTAL)) {
            return files.filter(file -> !PORTAL.relativize(file).startsWith("staff"))
                    .filter(file -> file.toString().endsWith(".html") || file.toString().endsWith(".js")).sorted().toList();
        }
    }
}
