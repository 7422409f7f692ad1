package io.civicdesk.seed;

import io.civicdesk.catalog.Question;
import io.civicdesk.catalog.Service;
import io.civicdesk.languages.Language;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The catalogue file's translations: the demo council's services are translated whole into every language the
 * product speaks, and a translation naming a language, service, question or option the file does not have is a
 * mistake with its line, never a text silently left in English.
 */
class CatalogTranslationsTest {
    private static final Clock DECEMBER_2026 = Clock.fixed(Instant.parse("2026-12-02T02:00:00Z"), ZoneOffset.UTC);

    private static String example() throws Exception {
        return Files.readString(CatalogSchemaTest.EXAMPLE);
    }

    private static String mistakes(String yaml) {
        return assertThrows(CatalogFileException.class, () -> CatalogFile.read("council.yaml", yaml, DECEMBER_2026)).mistakes().toString();
    }

    @Test
    void everyTextOfEveryDemoServiceIsInEveryLanguage() throws Exception {
        List<Service> services = CatalogFile.read("melaleuca.yaml", example(), DECEMBER_2026).services();
        List<String> untranslated = new ArrayList<>();
        for (Language language : Language.supported()) {
            if (language == Language.SOURCE) {
                continue;
            }
            for (Service service : services) {
                List<String> fields = new ArrayList<>(List.of("name", "theme", "description", "whatHappensNext", "timeframe"));
                if (service.notice() != null) {
                    fields.add("notice");
                }
                for (Question question : service.questions()) {
                    fields.add("question." + question.id() + ".label");
                    if (question.help() != null) {
                        fields.add("question." + question.id() + ".help");
                    }
                    question.options().forEach(option -> fields.add("question." + question.id() + ".option." + option));
                }
                fields.stream().filter(field -> !service.translations().fields(language).containsKey(field))
                        .forEach(field -> untranslated.add(language.tag() + " " + service.id() + " " + field));
            }
        }
        assertEquals(List.of(), untranslated);
    }

    @Test
    void aServiceReadsInTheLanguageAskedAndItsAnswersStayTheEnglishOptions() throws Exception {
        Service missedBin = CatalogFile.read("melaleuca.yaml", example(), DECEMBER_2026).services().get(0);
        Question bin = missedBin.question("bin-type").orElseThrow();
        assertEquals("صندوق نفايات لم يُفرَّغ", missedBin.name(Language.ARABIC));
        assertEquals("Thùng rác không được thu gom", missedBin.name(Language.VIETNAMESE));
        assertEquals("Missed bin collection", missedBin.name(Language.ENGLISH));
        assertEquals("Rác tái chế (nắp vàng)", missedBin.optionLabel(Language.VIETNAMESE, bin, "Recycling (yellow lid)"));
        assertEquals(List.of("General waste (red lid)", "Recycling (yellow lid)", "Garden organics (lime green lid)"), bin.options());
        assertEquals("لا", missedBin.optionLabel(Language.ARABIC, missedBin.question("out-by-6am").orElseThrow(), "No"),
                "an alias repeats the translated options it names");
    }

    @Test
    void aLanguageTheProductDoesNotSpeakIsAMistake() throws Exception {
        String found = mistakes(example().replace("translations:\n  ar:", "translations:\n  fr: {}\n  en: {}\n  ar:"));
        assertTrue(found.contains("translations.fr: \"fr\" is not a language to translate into: write one of ar, vi"), found);
        assertTrue(found.contains("translations.en: \"en\" is not a language"), found);
    }

    @Test
    void aServiceQuestionOrOptionTheFileDoesNotHaveIsAMistakeWithItsPlace() throws Exception {
        String found = mistakes(example()
                .replace("    services:\n      missed-bin:\n        name: صندوق", "    services:\n      missed-bins: {name: x}\n      missed-bin:\n        name: صندوق")
                .replaceFirst("          collection-day:\n            label: في", "          collection-date:\n            label: في")
                .replaceFirst("\"Recycling \\(yellow lid\\)\": إعادة", "\"Recycled (yellow lid)\": إعادة")
                .replaceFirst("        timeframe: نسعى إلى الرد خلال يوم عمل واحد وتفريغ", "        timframe: نسعى إلى الرد خلال يوم عمل واحد وتفريغ"));
        assertTrue(found.contains("translations.ar.services.missed-bins: there is no service \"missed-bins\""), found);
        assertTrue(found.contains("translations.ar.services.missed-bin.questions.collection-date: service missed-bin asks no question"), found);
        assertTrue(found.contains("\"Recycled (yellow lid)\" is not an option of this question"), found);
        assertTrue(found.contains("translations.ar.services.missed-bin.timframe: \"timframe\" is not a field"), found);
        assertTrue(found.matches("(?s).*council\\.yaml:\\d+:\\d+: translations\\.ar\\.services\\.missed-bins.*"), "each with its line: " + found);
    }

    @Test
    void aNoticeOrHelpEnglishDoesNotHaveCannotBeTranslated() throws Exception {
        String found = mistakes(example().replace("        description: صندوقك مكسور، أو سُرق أو فُقد.\n",
                "        description: صندوقك مكسور، أو سُرق أو فُقد.\n        notice: تنبيه\n"));
        assertTrue(found.contains("translations.ar.services.damaged-bin.notice: the service has no notice in English to translate"), found);
    }
}
