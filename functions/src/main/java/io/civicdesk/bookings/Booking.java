package io.civicdesk.bookings;

import io.civicdesk.languages.Language;
import io.civicdesk.requests.Contact;
import io.civicdesk.requests.Reference;

import java.time.Instant;
import java.util.List;

/**
 * A booking of one facility: one occurrence, or a weekly series of them booked together (all or nothing). A
 * staff block-out is a booking too ({@code kind} "block"), so it holds slot locks the same way and nothing can
 * be booked over it. {@code sequence} is the iCalendar SEQUENCE: it goes up with each change the resident's
 * calendar must take. {@code version} guards every change (conditional write). {@code language} is the one the
 * resident booked in, which their booking mails are written in; {@code texts} when they chose text messages to
 * their phone over mail (a booking kept before there were texts reads false).
 */
public record Booking(Reference reference, String kind, String facilityId, String facilityName, BookingStatus status,
                      List<Occurrence> occurrences, String purpose, int attendance, Contact contact, Language language,
                      boolean texts, String concessionId,
                      Quote quote, String channel, String secretHash, Instant createdAt, Instant holdExpiresAt,
                      String statusReason, String createdBy, int sequence, long version) {

    public static final String BOOKING = "booking";
    public static final String BLOCK = "block";

    public Booking {
        occurrences = List.copyOf(occurrences);
        language = language == null ? Language.SOURCE : language;
    }

    public Instant firstStart() {
        return occurrences.get(0).start();
    }

    public Instant lastEnd() {
        return occurrences.get(occurrences.size() - 1).end();
    }

    /** A new booking or block, version 1, as first written. */
    public static Booking drawn(Reference reference, String kind, Facility facility, BookingStatus status,
                                List<Occurrence> occurrences, String purpose, int attendance, Contact contact,
                                Language language, boolean texts, String concessionId, Quote quote, String channel, String secretHash, Instant createdAt,
                                Instant holdExpiresAt, String createdBy) {
        return new Booking(reference, kind, facility.id(), facility.name(), status, occurrences, purpose, attendance, contact, language,
                texts, concessionId, quote, channel, secretHash, createdAt, holdExpiresAt, null, createdBy, 0, 1);
    }

    /** Taken off the schedule for good (cancelled, declined, expired, failed): the resident's calendar takes it out. */
    public Booking ended(BookingStatus newStatus, String reason) {
        return new Booking(reference, kind, facilityId, facilityName, newStatus, occurrences, purpose, attendance, contact, language,
                texts, concessionId, quote, channel, secretHash, createdAt, newStatus == BookingStatus.HELD ? holdExpiresAt : null,
                reason, createdBy, sequence + (newStatus.holdsSlots() ? 0 : 1), version + 1);
    }

    /** Moved to {@code to} (approved, or touched in its own status), its calendar entry unchanged. */
    public Booking withStatus(BookingStatus to) {
        return new Booking(reference, kind, facilityId, facilityName, to, occurrences, purpose, attendance, contact, language,
                texts, concessionId, quote, channel, secretHash, createdAt, to == BookingStatus.HELD ? holdExpiresAt : null,
                statusReason, createdBy, sequence, version + 1);
    }

    /** Paid: on to {@code to} (confirmed, or held for approval until {@code holdUntil}). */
    public Booking paid(BookingStatus to, Instant holdUntil) {
        return new Booking(reference, kind, facilityId, facilityName, to, occurrences, purpose, attendance, contact, language,
                texts, concessionId, quote, channel, secretHash, createdAt, holdUntil, statusReason, createdBy, sequence, version + 1);
    }

    public Booking rescheduled(List<Occurrence> newOccurrences, Quote newQuote) {
        return new Booking(reference, kind, facilityId, facilityName, status, newOccurrences, purpose, attendance, contact, language,
                texts, concessionId, newQuote, channel, secretHash, createdAt, holdExpiresAt, statusReason, createdBy,
                sequence + 1, version + 1);
    }

    public Booking withAttendance(int people) {
        return new Booking(reference, kind, facilityId, facilityName, status, occurrences, purpose, people, contact, language,
                texts, concessionId, quote, channel, secretHash, createdAt, holdExpiresAt, statusReason, createdBy, sequence, version);
    }

    /** The same occurrences read as others (e.g. only the next one, for its reminder), nothing else changed. */
    public Booking withOccurrences(List<Occurrence> only) {
        return new Booking(reference, kind, facilityId, facilityName, status, only, purpose, attendance, contact, language,
                texts, concessionId, quote, channel, secretHash, createdAt, holdExpiresAt, statusReason, createdBy, sequence, version);
    }

    /** Its purpose replaced by {@code purposeLeft} and no contact, one version on: what privacy keeps once the details expire. */
    public Booking withoutPersonalDetails(String purposeLeft) {
        return new Booking(reference, kind, facilityId, facilityName, status, occurrences, purposeLeft, attendance, Contact.NONE,
                language, texts, concessionId, quote, channel, secretHash, createdAt, holdExpiresAt, statusReason, createdBy, sequence,
                version + 1);
    }

    public Booking withVersion(long newVersion) {
        return new Booking(reference, kind, facilityId, facilityName, status, occurrences, purpose, attendance, contact, language,
                texts, concessionId, quote, channel, secretHash, createdAt, holdExpiresAt, statusReason, createdBy, sequence, newVersion);
    }
}
