package io.civicdesk.requests;

import io.civicdesk.notify.Mail;

import static io.civicdesk.platform.Html.escape;

/** The mail that carries a public update to a resident who asked to hear back by email. */
final class UpdateMail {
    static final String PURPOSE = "request-update";

    private UpdateMail() {
    }

    /**
     * @param about     the request the update is on (for a follower, the original they follow)
     * @param following the follower's own reference when they follow {@code about} as a duplicate of it, else null
     */
    static Mail compose(String mailId, String to, String councilName, ServiceRequest about, String statusLabel,
                        String message, String trackingLink, String following) {
        String reference = about.reference().display();
        String subject = "Update on " + (following == null ? "your report" : "the report you follow") + ": "
                + about.serviceName() + " (" + reference + ")";
        String intro = following == null
                ? "There is an update on your report " + reference + "."
                : "There is an update on report " + reference + ", which your report " + following
                + " was joined to because it is about the same problem.";
        String text = "Hello,\n\n" + intro + "\n\n"
                + "Status: " + statusLabel + "\n\n"
                + message + "\n\n"
                + "See its progress: " + trackingLink + "\n\n"
                + councilName + "\n";
        String html = "<!doctype html><html lang=\"en-AU\"><body style=\"font-family:Arial,sans-serif;font-size:16px;line-height:1.5;color:#0b0c0c\">"
                + "<p>Hello,</p><p>" + escape(intro) + "</p>"
                + "<p><strong>Status: " + escape(statusLabel) + "</strong></p>"
                + "<p>" + escape(message).replace("\n", "<br>") + "</p>"
                + "<p><a href=\"" + escape(trackingLink) + "\">See its progress</a></p>"
                + "<p>" + escape(councilName) + "</p></body></html>";
        return new Mail(mailId, to, subject, text, html, PURPOSE, about.reference().value());
    }
}
