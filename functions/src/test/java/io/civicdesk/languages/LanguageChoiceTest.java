package io.civicdesk.languages;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LanguageChoiceTest {

    @Test
    void aTagNamesItsLanguageByItsPrimarySubtagWhateverItsCaseOrRegion() {
        assertEquals(Optional.of(Language.ARABIC), Language.of("ar"));
        assertEquals(Optional.of(Language.ARABIC), Language.of("AR-au"));
        assertEquals(Optional.of(Language.VIETNAMESE), Language.of("vi-VN"));
        assertEquals(Optional.of(Language.ENGLISH), Language.of("en-AU"));
    }

    @Test
    void aLanguageWeDoNotSpeakOrAMalformedTagNamesNone() {
        assertTrue(Language.of("fr").isEmpty());
        assertTrue(Language.of("").isEmpty());
        assertTrue(Language.of("ar_AU").isEmpty());
        assertTrue(Language.of("<script>").isEmpty());
        assertTrue(Language.of(null).isEmpty());
    }

    @Test
    void onlyArabicIsWrittenRightToLeft() {
        assertTrue(Language.ARABIC.rightToLeft());
        assertEquals(1, Language.supported().stream().filter(Language::rightToLeft).count());
    }

    @Test
    void aRecordWithoutALanguageIsInEnglish() {
        assertEquals(Language.ENGLISH, Language.stored(null));
        assertEquals(Language.VIETNAMESE, Language.stored("vi"));
    }

    @Test
    void theLanguageAskedForByNameWinsOverTheBrowsers() {
        assertEquals(Optional.of(Language.VIETNAMESE), LanguageChoice.choose("vi", "ar,en;q=0.5"));
    }

    @Test
    void aNamedLanguageWeDoNotSpeakIsNotSilentlyReplaced() {
        assertTrue(LanguageChoice.choose("fr", "ar").isEmpty());
    }

    @Test
    void withoutANameTheBrowsersBestSupportedLanguageIsChosenByWeight() {
        assertEquals(Language.ARABIC, LanguageChoice.fromAcceptLanguage("fr-FR,ar-IQ;q=0.8,en;q=0.5"));
        assertEquals(Language.VIETNAMESE, LanguageChoice.fromAcceptLanguage("en;q=0.3, vi;q=0.9"));
        assertEquals(Language.ENGLISH, LanguageChoice.fromAcceptLanguage("fr, de;q=0.5"));
        assertEquals(Language.ENGLISH, LanguageChoice.fromAcceptLanguage("ar;q=0, fr"));
        assertEquals(Optional.of(Language.ARABIC), LanguageChoice.choose(" ", "ar"));
    }

    @Test
    void noOrAMalformedAcceptLanguageMeansEnglish() {
        assertEquals(Language.ENGLISH, LanguageChoice.fromAcceptLanguage(null));
        assertEquals(Language.ENGLISH, LanguageChoice.fromAcceptLanguage(";;q=x,,"));
    }
}
