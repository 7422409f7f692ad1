package io.civicdesk.privacy;

import java.util.List;

/**
 * Where residents' personal information is kept: every table, kind of item and attribute, the kind of record
 * whose retention period covers it, and what anonymising does to it. {@code docs/privacy.md} carries the same
 * map (a test holds the two together), and the privacy page shows it.
 *
 * @param table     the template's logical name of the table
 * @param item      the item's key pattern
 * @param attribute the attribute (a map's part as {@code contact.email}; an index key says so)
 * @param holds     what it holds
 * @param kind      the kind of record whose period covers it; null when something else removes it
 * @param then      what anonymising (or, for a null kind, what else) does to it
 */
public record PersonalData(String table, String item, String attribute, String holds, RecordKind kind, String then) {

    public static final List<PersonalData> MAP = List.of(
            new PersonalData("RequestsTable", "REQUEST#{ref} / REQUEST", "contact.name, contact.email, contact.phone",
                    "the resident's name, email and phone", RecordKind.REQUESTS, "removed"),
            new PersonalData("RequestsTable", "REQUEST#{ref} / REQUEST", "description", "what the resident wrote",
                    RecordKind.REQUESTS, "\"(removed)\""),
            new PersonalData("RequestsTable", "REQUEST#{ref} / REQUEST", "location.address, location.latitude, location.longitude",
                    "where the problem is, often the resident's home (projected to UnitQueue, AssigneeQueue)",
                    RecordKind.REQUESTS, "removed (and so from the indexes)"),
            new PersonalData("RequestsTable", "REQUEST#{ref} / REQUEST", "answers[].values",
                    "the answers to the service's questions, free text among them", RecordKind.REQUESTS, "each \"(removed)\""),
            new PersonalData("RequestsTable", "REQUEST#{ref} / REQUEST", "followers[].email",
                    "the email of each follower: a resident whose duplicate follows this request, or anyone who followed it"
                            + " from its tracking page", RecordKind.REQUESTS, "removed"),
            new PersonalData("RequestsTable", "REQUEST#{ref} / REQUEST", "followers[].phone",
                    "the mobile (E.164) of each follower who is texted: a duplicate's resident who chose texts, or anyone"
                            + " who followed it by text", RecordKind.REQUESTS, "removed"),
            new PersonalData("RequestsTable", "REQUEST#{ref} / FIND#{term}", "findTerm (index Lookup), sk",
                    "email#…, phone#…, word#… of the name and address, follower#email#… and follower#phone#… of each follower: search"
                            + " keys made from personal fields",
                    RecordKind.REQUESTS, "the item is deleted (a follower's when they stop following or are erased)"),
            new PersonalData("RequestsTable", "REQUEST#{ref} / HISTORY#…", "note",
                    "an officer's internal note, which may name the resident", RecordKind.REQUESTS, "removed"),
            new PersonalData("RequestsTable", "REQUEST#{ref} / HISTORY#…", "residentMessage",
                    "what the resident wrote from their private link: a reply, more information, why it is not fixed",
                    RecordKind.REQUESTS, "removed"),
            new PersonalData("RequestsTable, FeedbackTable, BookingsTable", "IDEMPOTENCY#{sha256} / IDEMPOTENCY", "body",
                    "the first answer to a submission (a receipt)", null,
                    "expires by TTL a day on; the retention run deletes any the TTL has not yet"),
            new PersonalData("FeedbackTable", "COMPLAINT#{ref} / CASE", "contact.name, contact.email, contact.phone",
                    "the complainant's name, email and phone", RecordKind.COMPLAINTS, "removed"),
            new PersonalData("FeedbackTable", "COMPLAINT#{ref} / CASE", "message", "the complaint's text",
                    RecordKind.COMPLAINTS, "\"(removed)\""),
            new PersonalData("FeedbackTable, BookingsTable", "COMPLAINT#{ref}, FEEDBACK#{id}, BOOKING#{ref} / CONTACT#{term}",
                    "contactTerm (index ByContact), sk", "email#…, phone#… of the record's contact: the lookup items"
                            + " subject access finds the record by", null, "deleted with the record's anonymisation"),
            new PersonalData("FeedbackTable", "COMPLAINT#{ref} / NOTE#…", "note",
                    "an officer's investigation note, which may name the complainant", RecordKind.COMPLAINTS,
                    "\"(removed)\""),
            new PersonalData("FeedbackTable", "FEEDBACK#{id} / FEEDBACK", "contact.name, contact.email, contact.phone, message",
                    "a compliment's or suggestion's sender and text", RecordKind.FEEDBACK, "contact removed, message \"(removed)\""),
            new PersonalData("FeedbackTable", "SURVEY#{ref} and SURVEY#BOOKING#{ref} / SURVEY", "comment",
                    "a survey comment (projected to ByPeriod)", RecordKind.SURVEY_COMMENTS, "\"(removed)\""),
            new PersonalData("FeedbackTable", "SMILEY#{id} / SMILEY", "comment",
                    "a comment left on the counter tablet (no contact: it cannot be found by email or phone)",
                    RecordKind.COUNTER_ANSWERS, "\"(removed)\""),
            new PersonalData("BookingsTable", "BOOKING#{ref} / BOOKING", "body.contact (name, email, phone), body.purpose",
                    "the booker's details and what the booking is for", RecordKind.BOOKINGS,
                    "contact removed, purpose \"(removed)\""),
            new PersonalData("OutboxTable", "MAIL#{id}", "to, recipient, subject, text, html, attachments",
                    "every mail and text: the address or phone (E.164; recipient is its term in index ByRecipient), and"
                            + " bodies that quote names, addresses and descriptions", RecordKind.MAILS,
                    "removed once sent or given up (and the TTL deletes sent mail 30 days on); an erasure withdraws a"
                            + " mail or text still waiting"),
            new PersonalData("PhotosTable", "REQUEST#{ref} / PHOTO#{id}", "the photo and its thumbnail (photos bucket)",
                    "a photo of the problem, which may show a person, a car's plate or a house (its EXIF and GPS are "
                            + "never stored)", RecordKind.PHOTOS, "the objects and the item are deleted"),
            new PersonalData("RequestsTable", "REQUEST#{ref} / AWAITING-PAYMENT", "body",
                    "a report held for its service's fee: the resident's contact, description, location and answers",
                    null, "deleted when paid (it becomes the request) or released, 40 minutes on; expires by TTL a week on"),
            new PersonalData("CatalogTable", "AGENCIES / AGENCY#{agencyId}", "contacts[].name, contacts[].email",
                    "a client agency's contacts, who receive its reports (people at the agency, not residents)", null,
                    "kept while they are the agency's contacts; an administrator removes one on the agencies page"));
}
