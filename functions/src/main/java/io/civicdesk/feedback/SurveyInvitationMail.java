package io.civicdesk.feedback;

import io.civicdesk.notify.Mail;
import io.civicdesk.requests.Contact;
import io.civicdesk.requests.Reference;

import static io.civicdesk.platform.Html.escape;

/** The mail that invites a resident to say how it went, with the survey's own link. */
final class SurveyInvitationMail {
    static final String PURPOSE = "survey-invitation";

    private SurveyInvitationMail() {
    }

    static Mail compose(String mailId, String councilName, Survey survey, Contact contact, String surveyLink) {
        String reference = new Reference(survey.reference()).display();
        String what = survey.subject().wireName();
        String happened = survey.subject() == Survey.Subject.BOOKING ? "has taken place" : "has been resolved";
        String greeting = contact.name() == null ? "Hello," : "Hello " + contact.name() + ",";
        String subject = "Tell us how we did: " + survey.serviceName() + " (" + reference + ")";
        String text = greeting + "\n\n"
                + "Your " + what + " " + reference + " (" + survey.serviceName() + ") " + happened + ".\n\n"
                + "Tell us how we did. It takes a minute: five faces, one question, and a comment if you like.\n"
                + surveyLink + "\n\n"
                + "The link is for this " + what + " only. Your answer helps us improve our services.\n\n"
                + councilName + "\n";
        String html = "<!doctype html><html lang=\"en-AU\"><body style=\"font-family:Arial,sans-serif;font-size:16px;line-height:1.5;color:#0b0c0c\">"
                + "<p>" + escape(greeting) + "</p>"
                + "<p>Your " + what + " <strong>" + escape(reference) + "</strong> (" + escape(survey.serviceName())
                + ") " + happened + ".</p>"
                + "<p>It takes a minute: five faces, one question, and a comment if you like.</p>"
                + "<p><a href=\"" + escape(surveyLink) + "\" style=\"font-size:20px;font-weight:bold\">Tell us how we did</a></p>"
                + "<p>The link is for this " + what + " only. Your answer helps us improve our services.</p>"
                + "<p>" + escape(councilName) + "</p></body></html>";
        return new Mail(mailId, contact.email(), subject, text, html, PURPOSE, survey.reference());
    }
}
