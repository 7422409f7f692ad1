package io.civicdesk.feedback;

import io.civicdesk.languages.Language;
import io.civicdesk.languages.Texts;
import io.civicdesk.notify.Mail;
import io.civicdesk.requests.Contact;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A complainant's mails are written in the language they complained in, the council's staff mails in English. */
class ComplaintMailLanguagesTest {
    private static final LocalDate ACKNOWLEDGE = LocalDate.of(2026, 12, 4);
    private static final LocalDate ANSWER = LocalDate.of(2026, 12, 16);

    private static Complaint complaint(Language language) {
        return new Complaint("K7MP3QXR", null, "waste", null, "Bins", new Complaint.About("waste", null, null, null, null),
                "The truck missed us again.", new Contact("Lan", "lan@example.com", null), language, false,
                Instant.parse("2026-12-02T02:00:00Z"), Complaint.ANSWERED, ACKNOWLEDGE, ANSWER, null, null, "partly-upheld",
                "The truck broke down.", null, null, LocalDate.of(2026, 12, 30), null, "hash", 3);
    }

    @Test
    void aVietnameseComplaintIsConfirmedInVietnameseWithVietnameseDates() {
        Mail mail = (Mail) FeedbackMails.complaintReceived("City of Melaleuca", complaint(Language.VIETNAMESE), "https://portal.example/c");
        assertEquals("Chúng tôi đã nhận được khiếu nại của quý vị (K7MP-3QXR)", mail.subject());
        assertTrue(mail.text().startsWith("Xin chào Lan,"), mail.text());
        assertTrue(mail.text().contains(Texts.of(Language.VIETNAMESE).date(ANSWER)), mail.text());
        assertTrue(mail.html().contains("lang=\"vi\""), mail.html());
    }

    @Test
    void anArabicAnswerNamesTheOutcomeInArabicRightToLeft() {
        Mail mail = (Mail) FeedbackMails.answered("City of Melaleuca", complaint(Language.ARABIC), "https://portal.example/c");
        assertEquals("إجابتنا عن شكواك K7MP-3QXR", mail.subject());
        assertTrue(mail.text().contains("نتيجتنا: مقبولة جزئيًا."), mail.text());
        assertTrue(mail.html().contains("dir=\"rtl\""), mail.html());
        assertFalse(mail.text().contains("Our finding"), mail.text());
    }

    @Test
    void anEnglishAnswerReadsAsItAlwaysHas() {
        Mail mail = (Mail) FeedbackMails.answered("City of Melaleuca", complaint(Language.ENGLISH), "https://portal.example/c");
        assertTrue(mail.text().contains("We have looked into your complaint K7MP-3QXR. Our finding: partly upheld."), mail.text());
    }
}
