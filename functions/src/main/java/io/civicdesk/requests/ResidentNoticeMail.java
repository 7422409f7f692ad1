package io.civicdesk.requests;

import io.civicdesk.notify.Mail;

import static io.civicdesk.platform.Html.escape;

/**
 * The mail that tells the officer (or the unit) the resident wrote: which request, what kind of message, and a
 * link to its staff page. Never the resident's words or details, which stay behind sign-in.
 */
final class ResidentNoticeMail {
    static final String PURPOSE = "request-resident-wrote";

    private ResidentNoticeMail() {
    }

    static Mail compose(String mailId, String to, String councilName, ServiceRequest request, String action,
                        String staffLink) {
        String reference = request.reference().display();
        String what = switch (action) {
            case "resident-reply" -> "The resident replied";
            case "resident-not-fixed" -> "The resident says it is not fixed, so it is reopened";
            default -> "The resident added information";
        };
        String subject = what + ": " + request.serviceName() + " (" + reference + ")";
        String text = what + " on request " + reference + " (" + request.serviceName() + "). It is now "
                + RequestStatus.label(request.status()).toLowerCase(java.util.Locale.ROOT) + ".\n\n"
                + "Read it on the request's page: " + staffLink + "\n\n" + councilName + " — CivicDesk\n";
        String html = "<!doctype html><html lang=\"en-AU\"><body style=\"font-family:Arial,sans-serif;font-size:16px;line-height:1.5;color:#0b0c0c\">"
                + "<p>" + escape(what) + " on request " + escape(reference) + " (" + escape(request.serviceName()) + ").</p>"
                + "<p><a href=\"" + escape(staffLink) + "\">Open request " + escape(reference) + "</a></p>"
                + "<p>" + escape(councilName) + " — CivicDesk</p></body></html>";
        return new Mail(mailId, to, subject, text, html, PURPOSE, request.reference().value());
    }
}
