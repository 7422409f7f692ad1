package io.civicdesk.requests;

import io.civicdesk.catalog.Service;
import io.civicdesk.languages.Language;
import io.civicdesk.languages.Texts;
import io.civicdesk.languages.Translations;
import io.civicdesk.notify.Mail;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The confirmation mail is written in the language the resident reported in, its dates formatted for it. */
class ConfirmationMailLanguagesTest {
    private static final Service MISSED_BIN = new Service("missed-bin", "Missed bin collection", "Bins", "waste", "",
            "We send a truck back.", "", null, 1, 2, List.of(), 1, List.of(), new Translations(Map.of(
            "ar", Map.of("name", "صندوق نفايات لم يُفرَّغ", "whatHappensNext", "نرسل شاحنة لتفريغ صندوقك."),
            "vi", Map.of("name", "Thùng rác không được thu gom"))));

    private static Mail mail(Language language) {
        ServiceRequest received = RequestFixtures.received("online");
        ServiceRequest request = new ServiceRequest(received.reference(), received.serviceId(), received.serviceName(),
                received.unitId(), received.status(), received.submittedAt(), received.timeZone(), received.answers(),
                received.location(), null, new Contact("Mai", "mai@example.com", null), language, PreferredChannel.EMAIL,
                "online", "hash", 1, received.handling(), received.serviceLevel());
        String link = "https://portal.example/track.html?ref=" + request.reference().value();
        SubmissionReceipt receipt = new SubmissionReceipt(RequestSummary.of(request), link, link + "#key=secret");
        return ConfirmationMail.compose("mail-1", "City of Melaleuca", request, MISSED_BIN, receipt);
    }

    @Test
    void anArabicReportIsConfirmedInArabicRightToLeftWithArabicDates() {
        Mail mail = mail(Language.ARABIC);
        String response = Texts.of(Language.ARABIC).date(RequestFixtures.received("online").expected().response());
        assertEquals("لقد استلمنا بلاغك: صندوق نفايات لم يُفرَّغ (K7M-P3Q-XR)".replace("K7M-P3Q-XR",
                RequestFixtures.received("online").reference().display()), mail.subject());
        assertTrue(mail.text().startsWith("مرحبًا Mai،"), mail.text());
        assertTrue(mail.text().contains("نتوقع الرد بحلول: " + response), mail.text());
        assertTrue(mail.text().contains("نرسل شاحنة لتفريغ صندوقك."), mail.text());
        assertTrue(mail.html().contains("<html lang=\"ar\" dir=\"rtl\">"), mail.html());
        assertFalse(mail.text().contains("We expect"), mail.text());
    }

    @Test
    void aVietnameseReportIsConfirmedInVietnameseAndAnUntranslatedTextFallsBackToEnglish() {
        Mail mail = mail(Language.VIETNAMESE);
        assertTrue(mail.subject().startsWith("Chúng tôi đã nhận được báo cáo của quý vị: Thùng rác không được thu gom"), mail.subject());
        assertTrue(mail.text().contains("Thứ "), mail.text());
        assertTrue(mail.text().contains("We send a truck back."), "what happens next has no Vietnamese yet: " + mail.text());
        assertTrue(mail.html().contains("<html lang=\"vi\" dir=\"ltr\">"), mail.html());
    }

    @Test
    void anEnglishReportReadsAsItAlwaysHas() {
        Mail mail = mail(Language.ENGLISH);
        assertTrue(mail.subject().startsWith("We have received your report: Missed bin collection ("), mail.subject());
        assertTrue(mail.text().contains("Thank you for telling us about this. Your reference is "), mail.text());
        assertTrue(mail.html().contains("<html lang=\"en-AU\" dir=\"ltr\">"), mail.html());
    }
}
