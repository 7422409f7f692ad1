package io.civicdesk.requests;

import io.civicdesk.catalog.Service;
import io.civicdesk.notify.Mail;
import io.civicdesk.platform.Dates;

import static io.civicdesk.platform.Html.escape;

/** The mail that confirms a report: its reference, its private link and the dates to expect. */
final class ConfirmationMail {
    static final String PURPOSE = "request-confirmation";

    private ConfirmationMail() {
    }

    static Mail compose(String mailId, String councilName, ServiceRequest request, Service service, SubmissionReceipt receipt) {
        String reference = request.reference().display();
        String response = Dates.spoken(request.expected().response());
        String resolution = Dates.spoken(request.expected().resolution());
        String greeting = request.contact().name() == null ? "Hello," : "Hello " + request.contact().name() + ",";
        String subject = "We have received your report: " + service.name() + " (" + reference + ")";
        String resolved = request.handling().resolvedAtFirstContact() ? request.handling().resolution() : null;
        String text = greeting + "\n\n"
                + "Thank you for telling us about this. Your reference is " + reference + ".\n\n"
                + (resolved == null ? "" : "We resolved this with you: " + resolved + "\n\n")
                + "What you reported: " + service.name() + "\n"
                + "We expect to respond by: " + response + "\n"
                + "We expect to resolve it by: " + resolution + "\n\n"
                + "What happens next: " + service.whatHappensNext() + "\n\n"
                + "See its progress and your details (keep this link private):\n" + receipt.privateLink() + "\n\n"
                + "Or track it with the reference alone: " + receipt.trackingLink() + "\n\n"
                + councilName + "\n";
        String html = "<!doctype html><html lang=\"en-AU\"><body style=\"font-family:Arial,sans-serif;font-size:16px;line-height:1.5;color:#0b0c0c\">"
                + "<p>" + escape(greeting) + "</p>"
                + "<p>Thank you for telling us about this.</p>"
                + "<div style=\"border:3px solid #00703c;padding:16px;margin:16px 0\">"
                + "<p style=\"margin:0\">Your reference</p>"
                + "<p style=\"margin:0;font-size:28px;font-weight:bold;letter-spacing:2px\">" + escape(reference) + "</p></div>"
                + (resolved == null ? "" : "<p>We resolved this with you: " + escape(resolved) + "</p>")
                + "<table role=\"presentation\" style=\"border-collapse:collapse\">"
                + row("What you reported", service.name())
                + row("We expect to respond by", response)
                + row("We expect to resolve it by", resolution)
                + "</table>"
                + "<h2 style=\"font-size:20px\">What happens next</h2><p>" + escape(service.whatHappensNext()) + "</p>"
                + "<p><a href=\"" + escape(receipt.privateLink()) + "\">See its progress and your details</a> (keep this link private)</p>"
                + "<p>Or track it with the reference alone at <a href=\"" + escape(receipt.trackingLink()) + "\">"
                + escape(receipt.trackingLink()) + "</a></p>"
                + "<p>" + escape(councilName) + "</p></body></html>";
        return new Mail(mailId, request.contact().email(), subject, text, html, PURPOSE, request.reference().value());
    }

    private static String row(String label, String value) {
        return "<tr><th scope=\"row\" style=\"text-align:left;padding:4px 16px 4px 0\">" + escape(label)
                + "</th><td style=\"padding:4px 0\">" + escape(value) + "</td></tr>";
    }
}
