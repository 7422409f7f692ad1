package io.civicdesk.requests;

import io.civicdesk.languages.Texts;
import io.civicdesk.notify.Mail;

import static io.civicdesk.platform.Html.escape;

/** The mail asking someone who followed a request by email to confirm, in their language. */
final class FollowMail {
    static final String PURPOSE = "request-follow-confirm";

    private FollowMail() {
    }

    static Mail confirmation(String mailId, Follower follower, String councilName, ServiceRequest request,
                             String serviceName, String trackingLink, String confirmLink) {
        Texts texts = Texts.of(follower.language());
        String reference = request.reference().display();
        String subject = texts.get("mail.follow.subject", "service", serviceName, "reference", reference);
        String intro = texts.get("mail.follow.intro", "reference", reference, "service", serviceName);
        String confirm = texts.get("mail.follow.confirm");
        String ignore = texts.get("mail.follow.ignore");
        String progress = texts.get("mail.update.progress");
        String hello = texts.hello(null);
        String text = hello + "\n\n" + intro + "\n\n" + confirm + ": " + confirmLink + "\n\n" + ignore + "\n\n"
                + progress + ": " + trackingLink + "\n\n" + councilName + "\n";
        String html = "<!doctype html><html " + texts.htmlAttributes() + "><body style=\"font-family:Arial,sans-serif;font-size:16px;line-height:1.5;color:#0b0c0c\">"
                + "<p>" + escape(hello) + "</p><p>" + escape(intro) + "</p>"
                + "<p><a href=\"" + escape(confirmLink) + "\">" + escape(confirm) + "</a></p>"
                + "<p>" + escape(ignore) + "</p>"
                + "<p><a href=\"" + escape(trackingLink) + "\">" + escape(progress) + "</a></p>"
                + "<p>" + escape(councilName) + "</p></body></html>";
        return new Mail(mailId, follower.email(), subject, text, html, PURPOSE, request.reference().value());
    }
}
