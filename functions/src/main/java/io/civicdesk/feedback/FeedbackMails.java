package io.civicdesk.feedback;

import io.civicdesk.notify.Mail;
import io.civicdesk.platform.Dates;
import io.civicdesk.requests.Reference;
import io.civicdesk.directory.StaffMember;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.civicdesk.platform.Html.escape;

/** The mail of feedback and complaints: to the complainant at each step, and compliments to the unit. */
final class FeedbackMails {
    private FeedbackMails() {
    }

    static String display(String reference) {
        return new Reference(reference).display();
    }

    static Mail complaintReceived(String council, Complaint c, String privateLink) {
        return compose(c, council, "We have received your complaint (" + display(c.reference()) + ")", "complaint-received",
                List.of("Thank you for telling us. We take complaints seriously and will look into it.",
                        "Your complaint reference is " + display(c.reference()) + ".",
                        "We will acknowledge it by " + Dates.spoken(c.acknowledgeBy()) + " and give you our answer by "
                                + Dates.spoken(c.answerBy()) + "."),
                "See your complaint (keep this link private)", privateLink);
    }

    static Mail acknowledged(String council, Complaint c, String note, String privateLink) {
        List<String> lines = new ArrayList<>(List.of((c.isReview() ? "Your request for a review " : "Your complaint ")
                + display(c.reference()) + " has been acknowledged and is being looked into."));
        if (note != null) {
            lines.add(note);
        }
        lines.add("We will give you our answer by " + Dates.spoken(c.answerBy()) + ".");
        return compose(c, council, (c.isReview() ? "Your review " : "Your complaint ") + display(c.reference()) + " has been acknowledged",
                c.isReview() ? "review-acknowledged" : "complaint-acknowledged", lines, "See its progress", privateLink);
    }

    static Mail answered(String council, Complaint c, String privateLink) {
        List<String> lines = new ArrayList<>();
        lines.add((c.isReview() ? "We have reviewed how your complaint " + display(c.parentReference()) + " was handled. "
                : "We have looked into your complaint " + display(c.reference()) + ". ") + "Our finding: " + Outcomes.label(c.outcome()) + ".");
        lines.add("Our reasons: " + c.reasons());
        if (c.isReview()) {
            lines.add("This review was carried out by a supervisor outside the unit you complained about. If you are still not"
                    + " satisfied, you can contact the Ombudsman.");
        } else {
            lines.add("If you are not satisfied with this answer, you can ask for an internal review by "
                    + Dates.spoken(c.reviewRequestBy()) + ", from your complaint's private link.");
        }
        return compose(c, council, (c.isReview() ? "The outcome of your review " : "Our answer to your complaint ") + display(c.reference()),
                c.isReview() ? "review-answered" : "complaint-answered", lines,
                c.isReview() ? "See your complaint" : "See your complaint or ask for a review", privateLink);
    }

    static Mail reviewRequested(String council, Complaint review, String privateLink) {
        return compose(review, council, "We have received your request for a review (" + display(review.reference()) + ")",
                "review-received", List.of("A supervisor outside the unit you complained about will review how your complaint "
                                + display(review.parentReference()) + " was handled.",
                        "Your review reference is " + display(review.reference()) + ". We will acknowledge it by "
                                + Dates.spoken(review.acknowledgeBy()) + " and give you the outcome by "
                                + Dates.spoken(review.answerBy()) + "."),
                "See your complaint and its review", privateLink);
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
        return build(UUID.randomUUID().toString(), to, council, subject, kind, null, "Hello,", lines, null, null);
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
        return build(UUID.randomUUID().toString(), officer.email(), council, "A compliment for you", "compliment", null,
                greeting, lines, null, null);
    }

    private static Mail compose(Complaint c, String council, String subject, String purpose, List<String> lines,
                                String linkText, String link) {
        String greeting = c.contact().name() == null ? "Hello," : "Hello " + c.contact().name() + ",";
        return build(UUID.randomUUID().toString(), c.contact().email(), council, subject, purpose,
                c.reference(), greeting, lines, linkText, link);
    }

    private static Mail build(String id, String to, String council, String subject, String purpose, String reference,
                              String greeting, List<String> lines, String linkText, String link) {
        StringBuilder text = new StringBuilder(greeting).append("\n\n");
        StringBuilder html = new StringBuilder("<!doctype html><html lang=\"en-AU\"><body style=\"font-family:Arial,sans-serif;"
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
