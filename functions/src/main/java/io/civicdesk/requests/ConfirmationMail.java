package io.civicdesk.requests;

import io.civicdesk.catalog.Service;
import io.civicdesk.languages.Language;
import io.civicdesk.languages.Texts;
import io.civicdesk.notify.Mail;

import static io.civicdesk.platform.Html.escape;

/**
 * The mail that confirms a report: its reference, its private link and the dates to expect, in the language the
 * resident reported in (its words from the message catalogue, the service's name from the catalogue's translations).
 */
final class ConfirmationMail {
    static final String PURPOSE = "request-confirmation";

    private ConfirmationMail() {
    }

    static Mail compose(String mailId, String councilName, ServiceRequest request, Service service, SubmissionReceipt receipt) {
        Language language = request.language();
        Texts texts = Texts.of(language);
        String reference = request.reference().display();
        String serviceName = service.name(language);
        String response = texts.date(request.expected().response());
        String resolution = texts.date(request.expected().resolution());
        String greeting = texts.hello(request.contact().name());
        String subject = texts.get("mail.confirmation.subject", "service", serviceName, "reference", reference);
        String resolved = request.handling().resolvedAtFirstContact() ? request.handling().resolution() : null;
        String resolvedLine = resolved == null ? null : texts.get("mail.confirmation.resolvedWithYou", "resolution", resolved);
        String next = service.whatHappensNext(language);
        String privateLink = texts.get("mail.confirmation.privateLink");
        String keepPrivate = texts.get("mail.confirmation.keepPrivate");
        String trackAlone = texts.get("mail.confirmation.trackAlone");
        // A request made from a paid fee hold has no key to send (only its hash is kept): the tracking link alone.
        boolean withKey = !receipt.privateLink().equals(receipt.trackingLink());
        String text = greeting + "\n\n"
                + texts.get("mail.confirmation.thanks") + " " + texts.get("mail.confirmation.referenceIs", "reference", reference) + "\n\n"
                + (resolvedLine == null ? "" : resolvedLine + "\n\n")
                + texts.get("mail.confirmation.reported") + ": " + serviceName + "\n"
                + texts.get("mail.confirmation.respondBy") + ": " + response + "\n"
                + texts.get("mail.confirmation.resolveBy") + ": " + resolution + "\n\n"
                + texts.get("mail.confirmation.next") + ": " + next + "\n\n"
                + (withKey ? privateLink + " (" + keepPrivate + "):\n" + receipt.privateLink() + "\n\n" : "")
                + trackAlone + ": " + receipt.trackingLink() + "\n\n"
                + councilName + "\n";
        String html = "<!doctype html><html " + texts.htmlAttributes() + "><body style=\"font-family:Arial,sans-serif;font-size:16px;line-height:1.5;color:#0b0c0c\">"
                + "<p>" + escape(greeting) + "</p>"
                + "<p>" + escape(texts.get("mail.confirmation.thanks")) + "</p>"
                + "<div style=\"border:3px solid #00703c;padding:16px;margin:16px 0\">"
                + "<p style=\"margin:0\">" + escape(texts.get("mail.confirmation.reference")) + "</p>"
                + "<p style=\"margin:0;font-size:28px;font-weight:bold;letter-spacing:2px\" dir=\"ltr\">" + escape(reference) + "</p></div>"
                + (resolvedLine == null ? "" : "<p>" + escape(resolvedLine) + "</p>")
                + "<table role=\"presentation\" style=\"border-collapse:collapse\">"
                + row(texts.get("mail.confirmation.reported"), serviceName)
                + row(texts.get("mail.confirmation.respondBy"), response)
                + row(texts.get("mail.confirmation.resolveBy"), resolution)
                + "</table>"
                + "<h2 style=\"font-size:20px\">" + escape(texts.get("mail.confirmation.next")) + "</h2><p>" + escape(next) + "</p>"
                + (withKey ? "<p><a href=\"" + escape(receipt.privateLink()) + "\">" + escape(privateLink) + "</a> (" + escape(keepPrivate) + ")</p>" : "")
                + "<p>" + escape(trackAlone) + ": <a href=\"" + escape(receipt.trackingLink()) + "\">"
                + escape(receipt.trackingLink()) + "</a></p>"
                + "<p>" + escape(councilName) + "</p></body></html>";
        return new Mail(mailId, request.contact().email(), subject, text, html, PURPOSE, request.reference().value());
    }

    private static String row(String label, String value) {
        return "<tr><th scope=\"row\" style=\"text-align:start;padding-block:4px;padding-inline:0 16px\">" + escape(label)
                + "</th><td style=\"padding:4px 0\">" + escape(value) + "</td></tr>";
    }
}
