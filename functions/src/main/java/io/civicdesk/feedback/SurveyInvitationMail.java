package io.civicdesk.feedback;

import io.civicdesk.languages.Language;
import io.civicdesk.languages.Texts;
import io.civicdesk.notify.Mail;
import io.civicdesk.notify.Text;
import io.civicdesk.platform.PhoneInput;
import io.civicdesk.requests.Contact;
import io.civicdesk.requests.Reference;

import static io.civicdesk.platform.Html.escape;

/** The mail that invites a resident to say how it went, with the survey's own link, in the resident's language. */
final class SurveyInvitationMail {
    static final String PURPOSE = "survey-invitation";

    private SurveyInvitationMail() {
    }

    /** The invitation as a text, for a resident who chose texts: the reference, what happened, the survey's link. */
    static Text text(String textId, String councilName, Survey survey, Contact contact, Language language, String surveyLink) {
        boolean booking = survey.subject() == Survey.Subject.BOOKING;
        return new Text(textId, PhoneInput.stored(contact.phone()), Texts.of(language).get(booking ? "sms.survey.tookPlace" : "sms.survey.resolved",
                "council", councilName, "reference", new Reference(survey.reference()).display(), "link", surveyLink), PURPOSE, survey.reference());
    }

    static Mail compose(String mailId, String councilName, Survey survey, Contact contact, Language language, String surveyLink) {
        Texts texts = Texts.of(language);
        String reference = new Reference(survey.reference()).display();
        boolean booking = survey.subject() == Survey.Subject.BOOKING;
        String greeting = texts.hello(contact.name());
        String subject = texts.get("mail.survey.subject", "service", survey.serviceName(), "reference", reference);
        String happened = texts.get(booking ? "mail.survey.tookPlace" : "mail.survey.resolved",
                "reference", reference, "service", survey.serviceName());
        String ask = texts.get("mail.survey.ask");
        String minute = texts.get("mail.survey.minute");
        String only = texts.get(booking ? "mail.survey.onlyBooking" : "mail.survey.onlyRequest");
        String text = greeting + "\n\n"
                + happened + "\n\n"
                + ask + ". " + minute + "\n"
                + surveyLink + "\n\n"
                + only + "\n\n"
                + councilName + "\n";
        String html = "<!doctype html><html " + texts.htmlAttributes() + "><body style=\"font-family:Arial,sans-serif;font-size:16px;line-height:1.5;color:#0b0c0c\">"
                + "<p>" + escape(greeting) + "</p>"
                + "<p>" + escape(happened) + "</p>"
                + "<p>" + escape(minute) + "</p>"
                + "<p><a href=\"" + escape(surveyLink) + "\" style=\"font-size:20px;font-weight:bold\">" + escape(ask) + "</a></p>"
                + "<p>" + escape(only) + "</p>"
                + "<p>" + escape(councilName) + "</p></body></html>";
        return new Mail(mailId, contact.email(), subject, text, html, PURPOSE, survey.reference());
    }
}
