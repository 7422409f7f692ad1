package io.civicdesk.bookings;

import io.civicdesk.languages.Language;
import io.civicdesk.notify.Mail;
import io.civicdesk.requests.Contact;
import io.civicdesk.requests.Reference;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A booking's mails are written in the language the resident booked in, its day and times written that language's way. */
class BookingMailLanguagesTest {
    private static Mail mail(BookingMails.Kind kind, Language language, String reason) {
        Facility hall = RuleCheckTest.hall(RuleCheckTest.rules());
        Booking booking = new Booking(new Reference("K7MP3QXR"), Booking.BOOKING, hall.id(), hall.name(), BookingStatus.CONFIRMED,
                List.of(new Occurrence(RuleCheckTest.NOW.plusSeconds(3600 * 48), RuleCheckTest.NOW.plusSeconds(3600 * 50))), "Party",
                10, new Contact("Minh", "minh@example.com", null), language, false, null, null, "online", null, RuleCheckTest.NOW, null,
                reason, null, 0, 1);
        return (Mail) BookingMails.compose(kind, booking, hall, "City of Melaleuca", "https://portal.example/b", "no-reply@melaleuca.example",
                RuleCheckTest.NOW);
    }

    @Test
    void aVietnameseBookingIsConfirmedInVietnameseWithItsDayAndTimesInVietnamese() {
        Mail mail = mail(BookingMails.Kind.CONFIRMED, Language.VIETNAMESE, null);
        assertTrue(mail.subject().startsWith("Lượt đặt chỗ của quý vị đã được xác nhận: "), mail.subject());
        assertTrue(mail.text().startsWith("Xin chào Minh,"), mail.text());
        assertTrue(mail.text().contains("Thứ Tư, 4 tháng 11, 2026, từ 09:00 đến 11:00"), mail.text());
        assertEquals(1, mail.attachments().size(), "the calendar file still goes with it");
    }

    @Test
    void anArabicCancellationGivesItsReasonRightToLeft() {
        Mail mail = mail(BookingMails.Kind.CANCELLED, Language.ARABIC, "the hall is flooded");
        assertTrue(mail.text().contains("، والسبب: the hall is flooded."), mail.text());
        assertTrue(mail.html().contains("dir=\"rtl\""), mail.html());
    }

    @Test
    void anEnglishCancellationReadsAsItAlwaysHas() {
        assertTrue(mail(BookingMails.Kind.CANCELLED, Language.ENGLISH, null).text().contains(
                "is cancelled. The calendar file attached removes it from your calendar."));
        assertTrue(mail(BookingMails.Kind.CANCELLED, Language.ENGLISH, "the hall is flooded").text().contains(
                "is cancelled. The reason: the hall is flooded. The calendar file attached removes it from your calendar."));
    }
}
