package io.civicdesk.languages;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextsTest {
    private static final LocalDate WEDNESDAY = LocalDate.of(2026, 11, 25);

    @Test
    void englishDatesAreWrittenAsAustraliansWriteThem() {
        assertEquals("Wednesday 25 November 2026", Texts.of(Language.ENGLISH).date(WEDNESDAY));
    }

    @Test
    void arabicDatesHaveArabicWordsAndTheLatinDigitsThePortalShowsToo() {
        String date = Texts.of(Language.ARABIC).date(WEDNESDAY);
        assertTrue(date.contains("الأربعاء"), date);
        assertTrue(date.contains("نوفمبر"), date);
        assertTrue(date.contains("25") && date.contains("2026"), date);
    }

    @Test
    void vietnameseDatesNameTheWeekdayAndMonthInVietnamese() {
        String date = Texts.of(Language.VIETNAMESE).date(WEDNESDAY);
        assertTrue(date.startsWith("Thứ Tư"), date);
        assertTrue(date.contains("tháng 11") && date.contains("2026"), date);
    }

    @Test
    void aTimeIsWrittenWithItsDayInTheLanguage() {
        ZonedDateTime at = ZonedDateTime.of(2026, 11, 25, 14, 30, 0, 0, ZoneId.of("Australia/Perth"));
        assertEquals("2:30 pm Wednesday 25 November 2026", Texts.of(Language.ENGLISH).dateTime(at));
        assertTrue(Texts.of(Language.VIETNAMESE).dateTime(at).startsWith("14:30 Thứ Tư"), Texts.of(Language.VIETNAMESE).dateTime(at));
    }

    @Test
    void numbersFollowEachLanguagesSeparators() {
        assertEquals("1,234.5", Texts.of(Language.ENGLISH).number(1234.5));
        assertEquals("1.234,5", Texts.of(Language.VIETNAMESE).number(1234.5));
        assertEquals("1,234.5", Texts.of(Language.ARABIC).number(1234.5).replace('\u066c', ',').replace('\u066b', '.'));
    }

    @Test
    void aMessageHasItsValuesPutIn() {
        assertEquals("Your reference is K7M-P3Q.", Texts.of(Language.ENGLISH).get("mail.confirmation.referenceIs", "reference", "K7M-P3Q"));
        assertEquals("الرقم المرجعي لبلاغك هو K7M-P3Q.", Texts.of(Language.ARABIC).get("mail.confirmation.referenceIs", "reference", "K7M-P3Q"));
    }

    @Test
    void aValueWithDollarsOrBackslashesIsPutInAsItIs() {
        assertEquals("Hello $1 \\o/,", Texts.of(Language.ENGLISH).get("mail.helloNamed", "name", "$1 \\o/"));
    }

    @Test
    void aKeyEnglishDoesNotHaveIsABug() {
        assertThrows(IllegalArgumentException.class, () -> Texts.of(Language.ARABIC).get("no.such.key"));
    }

    @Test
    void aStatusIsTranslatedWhenTheCatalogueKnowsItAndKeepsItsWorkflowLabelOtherwise() {
        assertEquals("قيد التنفيذ", Texts.of(Language.ARABIC).orElse("status.in-progress", "In progress"));
        assertEquals("With the contractor", Texts.of(Language.ARABIC).orElse("status.with-contractor", "With the contractor"));
        assertEquals("Being fixed", Texts.of(Language.ENGLISH).orElse("status.in-progress", "Being fixed"));
    }

    @Test
    void mailsInArabicAreMarkedRightToLeft() {
        assertEquals("lang=\"ar\" dir=\"rtl\"", Texts.of(Language.ARABIC).htmlAttributes());
        assertEquals("lang=\"en-AU\" dir=\"ltr\"", Texts.of(Language.ENGLISH).htmlAttributes());
    }
}
