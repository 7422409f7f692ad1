package io.civicdesk.requests;

import io.civicdesk.languages.Language;
import io.civicdesk.languages.Texts;
import io.civicdesk.notify.Mail;

import static io.civicdesk.platform.Html.escape;

/** The mail that carries a public update to a resident who asked to hear back by email, in their language. */
final class UpdateMail {
    static final String PURPOSE = "request-update";
    /** In place of a follower's own reference: they follow by email from the tracking page. */
    static final String FOLLOWING_BY_EMAIL = "";

    private UpdateMail() {
    }

    /**
     * @param about       the request the update is on (for a follower, the original they follow)
     * @param serviceName the request's service, in {@code language}
     * @param following   the follower's own reference when they follow {@code about} as a duplicate of it,
     *                    {@link #FOLLOWING_BY_EMAIL} when they followed it from its tracking page, else null
     * @param unfollowLink a follower's one-click link to stop these mails; null for the resident's own
     */
    static Mail compose(String mailId, String to, Language language, String councilName, ServiceRequest about,
                        String serviceName, String statusLabel, String message, String trackingLink, String following,
                        String unfollowLink) {
        Texts texts = Texts.of(language);
        String reference = about.reference().display();
        String subject = following == null
                ? texts.get("mail.update.subject", "service", serviceName, "reference", reference)
                : texts.get("mail.update.subjectFollowing", "service", serviceName, "reference", reference);
        String intro = following == null ? texts.get("mail.update.intro", "reference", reference)
                : following.equals(FOLLOWING_BY_EMAIL) ? texts.get("mail.update.introFollower", "reference", reference)
                : texts.get("mail.update.introFollowing", "reference", reference, "following", following);
        String unfollow = texts.get("mail.follow.unfollow");
        String status = texts.get("mail.update.status", "status", texts.orElse("status." + about.status(), statusLabel));
        String hello = texts.hello(null);
        String progress = texts.get("mail.update.progress");
        String text = hello + "\n\n" + intro + "\n\n"
                + status + "\n\n"
                + message + "\n\n"
                + progress + ": " + trackingLink + "\n\n"
                + (unfollowLink == null ? "" : unfollow + ": " + unfollowLink + "\n\n")
                + councilName + "\n";
        String html = "<!doctype html><html " + texts.htmlAttributes() + "><body style=\"font-family:Arial,sans-serif;font-size:16px;line-height:1.5;color:#0b0c0c\">"
                + "<p>" + escape(hello) + "</p><p>" + escape(intro) + "</p>"
                + "<p><strong>" + escape(status) + "</strong></p>"
                + "<p>" + escape(message).replace("\n", "<br>") + "</p>"
                + "<p><a href=\"" + escape(trackingLink) + "\">" + escape(progress) + "</a></p>"
                + (unfollowLink == null ? "" : "<p><a href=\"" + escape(unfollowLink) + "\">" + escape(unfollow) + "</a></p>")
                + "<p>" + escape(councilName) + "</p></body></html>";
        return new Mail(mailId, to, subject, text, html, PURPOSE, about.reference().value());
    }
}
