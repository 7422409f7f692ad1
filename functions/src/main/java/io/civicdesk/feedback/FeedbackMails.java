package io.civicdesk.feedback;

import io.civicdesk.languages.Language;
import io.civicdesk.languages.Texts;
import io.civicdesk.notify.Mail;
import io.civicdesk.notify.Outgoing;
import io.civicdesk.notify.Text;
import io.civicdesk.platform.PhoneInput;
import io.civicdesk.requests.Reference;
import io.civicdesk.directory.StaffMember;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.civicdesk.platform.Html.escape;

/**
 * The mail of feedback and complaints: to the complainant at each step, in the language they complained in (a text
 * instead when they chose texts), and compliments to the unit and the officer they name (staff mail, in English).
 */
final class FeedbackMails {
    private FeedbackMails() {
    }

    static String display(String reference) {
        return new Reference(reference).display();
    }

    static Outgoing complaintReceived(String council, Complaint c, String privateLink) {
        Texts texts = Texts.of(c.language());
        String reference = display(c.reference());
        return compose(c, texts, council, texts.get("mail.complaint.receivedSubject", "reference", reference), "complaint-received",
                List.of(texts.get("mail.complaint.thanks"), texts.get("mail.complaint.referenceIs", "reference", reference),
                        texts.get("mail.complaint.dates", "acknowledge", texts.date(c.acknowledgeBy()), "answer", texts.date(c.answerBy()))),
                texts.get("mail.complaint.see"), privateLink);
    }

    static Outgoing acknowledged(String council, Complaint c, String note, String privateLink) {
        Texts texts = Texts.of(c.language());
        String reference = display(c.reference());
        String kind = c.isReview() ? "review" : "complaint";
        List<String> lines = new ArrayList<>(List.of(texts.get("mail." + kind + ".acknowledged", "reference", reference)));
        if (note != null) {
            lines.add(note);
        }
        lines.add(texts.get("mail.complaint.answerBy", "date", texts.date(c.answerBy())));
        return compose(c, texts, council, texts.get("mail." + kind + ".acknowledgedSubject", "reference", reference),
                kind + "-acknowledged", lines, texts.get("mail.update.progress"), privateLink);
    }

    static Outgoing answered(String council, Complaint c, String privateLink) {
        Texts texts = Texts.of(c.language());
        String outcome = texts.orElse("outcome." + c.outcome(), Outcomes.label(c.outcome()));
        List<String> lines = new ArrayList<>();
        lines.add(c.isReview()
                ? texts.get("mail.review.looked", "parent", display(c.parentReference()), "outcome", outcome)
                : texts.get("mail.complaint.looked", "reference", display(c.reference()), "outcome", outcome));
        lines.add(texts.get("mail.complaint.reasons", "reasons", c.reasons()));
        lines.add(c.isReview() ? texts.get("mail.review.ombudsman")
                : texts.get("mail.complaint.canReview", "date", texts.date(c.reviewRequestBy())));
        String kind = c.isReview() ? "review" : "complaint";
        return compose(c, texts, council, texts.get("mail." + kind + ".answeredSubject", "reference", display(c.reference())),
                kind + "-answered", lines, texts.get(c.isReview() ? "mail.review.see" : "mail.complaint.seeOrReview"), privateLink);
    }

    static Outgoing reviewRequested(String council, Complaint review, String privateLink) {
        Texts texts = Texts.of(review.language());
        String reference = display(review.reference());
        return compose(review, texts, council, texts.get("mail.review.receivedSubject", "reference", reference), "review-received",
                List.of(texts.get("mail.review.who", "parent", display(review.parentReference())),
                        texts.get("mail.review.referenceDates", "reference", reference,
                                "acknowledge", texts.date(review.acknowledgeBy()), "answer", texts.date(review.answerBy()))),
                texts.get("mail.review.seeBoth"), privateLink);
    }

    /** A compliment or suggestion, to the unit's shared inbox. */
    static Mail toUnit(String council, String to, String kind, String unitName, Complaint.About about, String message, String fromName) {
        List<String> lines = new ArrayList<>();
        lines.add("A resident sent " + unitName + " a " + kind + (about.officerName() == null ? "." : ", naming " + about.officerName()
                + ". Please pass it on."));
        if (about.serviceId() != null) {
            lines.add("Service: " + about.serviceId());
        }
        if (about.requestReference() != null) {
            lines.add("Request: " + about.requestReference());
        }
        if (about.bookingReference() != null) {
            lines.add("Booking: " + about.bookingReference());
        }
        lines.add("What they said: " + message);
        if (fromName != null) {
            lines.add("From: " + fromName);
        }
        String subject = ("compliment".equals(kind) ? "A compliment for " : "A suggestion for ") + unitName
                + (about.officerName() == null ? "" : " (" + about.officerName() + ")");
        return build(UUID.randomUUID().toString(), to, Texts.of(Language.SOURCE), council, subject, kind, null, "Hello,", lines, null, null);
    }

    /** The compliment, to the officer it names; the unit's inbox gets its own copy. */
    static Mail toOfficer(String council, StaffMember officer, String unitName, Complaint.About about, String message, String fromName) {
        List<String> lines = new ArrayList<>();
        lines.add("A resident sent a compliment naming you" + (unitName == null ? "." : " to " + unitName + "."));
        if (about.requestReference() != null) {
            lines.add("Request: " + about.requestReference());
        }
        if (about.bookingReference() != null) {
            lines.add("Booking: " + about.bookingReference());
        }
        lines.add("What they said: " + message);
        if (fromName != null) {
            lines.add("From: " + fromName);
        }
        String greeting = officer.name() == null ? "Hello," : "Hello " + officer.name() + ",";
        return build(UUID.randomUUID().toString(), officer.email(), Texts.of(Language.SOURCE), council, "A compliment for you", "compliment", null,
                greeting, lines, null, null);
    }

    /**
     * A mail to the complainant, in the language they complained in; or, when they chose texts, a text saying what
     * the mail's subject says, with their private link, where the words in full are.
     */
    private static Outgoing compose(Complaint c, Texts texts, String council, String subject, String purpose, List<String> lines,
                                    String linkText, String link) {
        if (c.texts() && PhoneInput.canText(c.contact().phone())) {
            return new Text(UUID.randomUUID().toString(), PhoneInput.stored(c.contact().phone()),
                    texts.get("sms.complaint", "council", council, "what", subject, "link", link), purpose, c.reference());
        }
        String greeting = texts.hello(c.contact().name());
        return build(UUID.randomUUID().toString(), c.contact().email(), texts, council, subject, purpose,
                c.reference(), greeting, lines, linkText, link);
    }

    private static Mail build(String id, String to, Texts texts, String council, String subject, String purpose, String reference,
                              String greeting, List<String> lines, String linkText, String link) {
        StringBuilder text = new StringBuilder(greeting).append("\n\n");
        StringBuilder html = new StringBuilder("<!doctype html><html " + texts.htmlAttributes() + "><body style=\"font-family:Arial,sans-serif;"
                + "font-size:16px;line-height:1.5;color:#0b0c0c\"><p>").append(escape(greeting)).append("</p>");
        for (String line : lines) {
            text.append(line).append("\n\n");
            html.append("<p style=\"white-space:pre-wrap\">").append(escape(line)).append("</p>");
        }
        if (link != null) {
            text.append(linkText).append(":\n").append(link).append("\n\n");
            html.append("<p><a href=\"").append(escape(link)).append("\">").append(escape(linkText)).append("</a></p>");
        }
        text.append(council).append("\n");
        html.append("<p>").append(escape(council)).append("</p></body></html>");
        return new Mail(id, to, subject, text.toString(), html.toString(), purpose, reference);
    }
}
