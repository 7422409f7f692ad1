package io.civicdesk.languages;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * The mail catalogues (functions' {@code /messages/*.json}) are complete: every key English has is in every
 * language, not empty, with the same values put in; and every key the code that writes with {@link Texts} asks for is in English.
 */
class MessageCataloguesAreCompleteTest {
    private static final Pattern KEY_IN_CODE = Pattern.compile("\"((?:mail|status|error)\\.[A-Za-z0-9.-]*[A-Za-z0-9])\"");
    private static final Pattern PARAMETER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");

    static Set<String> parameters(String text) {
        return PARAMETER.matcher(text).results().map(found -> found.group(1)).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void everyLanguageHasEveryEnglishKeyFilledInWithTheSameValues() {
        Map<String, String> english = MessagesReader.read(Language.SOURCE);
        Map<String, String> problems = new TreeMap<>();
        for (Language language : Language.supported()) {
            Map<String, String> messages = MessagesReader.read(language);
            for (Map.Entry<String, String> entry : english.entrySet()) {
                String text = messages.get(entry.getKey());
                if (text == null || text.isBlank()) {
                    problems.put(language.tag() + ": " + entry.getKey(), "missing or empty");
                } else if (!parameters(text).equals(parameters(entry.getValue()))) {
                    problems.put(language.tag() + ": " + entry.getKey(), "puts in " + parameters(text) + ", English " + parameters(entry.getValue()));
                }
            }
            messages.keySet().stream().filter(key -> !english.containsKey(key))
                    .forEach(key -> problems.put(language.tag() + ": " + key, "not in English, the source"));
        }
        assertEquals(Map.of(), problems);
    }

    @Test
    void everyKeyTheCodeAsksForIsInEnglish() throws IOException {
        Map<String, String> english = MessagesReader.read(Language.SOURCE);
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(file -> file.toString().endsWith(".java")).toList()) {
                String code = Files.readString(file);
                if (!code.contains("import io.civicdesk.languages.Texts;")) {
                    continue;
                }
                Matcher matcher = KEY_IN_CODE.matcher(code);
                while (matcher.find()) {
                    used.add(matcher.group(1));
                }
            }
        }
        assertTrue(used.size() >= 20, "the mails' keys were found: " + used);
        assertEquals(Set.of(), used.stream().filter(key -> !english.containsKey(key)).collect(Collectors.toSet()));
    }
}
