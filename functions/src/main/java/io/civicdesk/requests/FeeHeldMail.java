package io.civicdesk.requests;

import io.civicdesk.languages.Texts;
import io.civicdesk.notify.Mail;

import static io.civicdesk.platform.Html.escape;

/** The mail to a resident whose report was released because its fee was not paid in time, in their language. */
final class FeeHeldMail {
    static final String PURPOSE = "fee-hold-released";

    private FeeHeldMail() {
    }

    static Mail released(String mailId, String councilName, FeeHold hold, String reportAgain) {
        Texts texts = Texts.of(hold.language());
        String reference = hold.reference().display();
        String subject = texts.get("mail.feeHold.released.subject", "reference", reference);
        String greeting = texts.hello(hold.contact().name());
        String message = texts.get("mail.feeHold.released.message", "service", hold.serviceName());
        String again = texts.get("mail.feeHold.released.again");
        String text = greeting + "\n\n" + message + "\n\n" + again + ": " + reportAgain + "\n\n" + councilName;
        String html = "<p>" + escape(greeting) + "</p><p>" + escape(message) + "</p><p><a href=\"" + escape(reportAgain) + "\">"
                + escape(again) + "</a></p><p>" + escape(councilName) + "</p>";
        return new Mail(mailId, hold.contact().email(), subject, text, html, PURPOSE, hold.reference().value());
    }
}
