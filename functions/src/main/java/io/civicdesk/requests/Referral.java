package io.civicdesk.requests;

import java.time.Instant;
import java.util.Locale;

/**
 * A request referred by the unit that has it to another unit, measured against the agreement between the two:
 * the receiving unit accepts it (it moves to their queue) or sends it back as wrongly referred, within
 * {@code targetMinutes} of business time, due at {@code dueAt} on the council's calendar.
 *
 * @param returnReason why the receiving unit sent it back; null unless it did
 */
public record Referral(Instant referredAt, String fromUnitId, String fromUnitName, String toUnitId, String toUnitName,
                       String reason, Actor by, long targetMinutes, Instant dueAt, Status status, Actor answeredBy,
                       Instant answeredAt, String returnReason) {

    public enum Status {
        PENDING, ACCEPTED, SENT_BACK;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        static Status fromWireName(String wireName) {
            return valueOf(wireName.toUpperCase(Locale.ROOT).replace('-', '_'));
        }
    }

    /** Whether it was answered by its due time; null while it waits. */
    public Boolean answeredInTime() {
        return answeredAt == null ? null : !answeredAt.isAfter(dueAt);
    }

    Referral answered(Status how, Actor who, Instant at, String why) {
        return new Referral(referredAt, fromUnitId, fromUnitName, toUnitId, toUnitName, reason, by, targetMinutes, dueAt,
                how, who, at, why);
    }
}
