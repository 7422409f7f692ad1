package io.civicdesk.requests;

import io.civicdesk.languages.Texts;
import io.civicdesk.notify.Text;
import io.civicdesk.platform.PhoneInput;

/**
 * The texts a resident who chose text messages gets in place of the mail: short (the reference, what happened,
 * the link), in their language, with the same purpose as the mail they stand for.
 */
public final class ResidentTexts {
    private ResidentTexts() {
    }

    /** Whether the resident asked for texts and gave a number that can take them. */
    public static boolean wanted(ServiceRequest request) {
        return request.preferredChannel() == PreferredChannel.SMS && PhoneInput.canText(request.contact().phone());
    }

    static Text confirmation(String textId, String councilName, ServiceRequest request, String privateLink) {
        Texts texts = Texts.of(request.language());
        return new Text(textId, PhoneInput.stored(request.contact().phone()), texts.get("sms.confirmation", "council", councilName,
                "reference", request.reference().display(), "link", privateLink), ConfirmationMail.PURPOSE,
                request.reference().value());
    }

    /** A public update, to a follower who chose texts, with their one-click link to stop. */
    static Text followerUpdate(String textId, String councilName, Follower follower, ServiceRequest request, String statusLabel,
                               String trackingLink, String stopLink) {
        Texts texts = Texts.of(follower.language());
        return new Text(textId, follower.phone(), texts.get("sms.follow.update", "council", councilName,
                "reference", request.reference().display(), "status", texts.orElse("status." + request.status(), statusLabel),
                "link", trackingLink, "stop", stopLink), UpdateMail.PURPOSE, request.reference().value());
    }

    /** The text asking someone who followed a request by text to confirm. */
    static Text followConfirmation(String textId, String councilName, Follower follower, ServiceRequest request, String confirmLink) {
        return new Text(textId, follower.phone(), Texts.of(follower.language()).get("sms.follow.confirm", "council", councilName,
                "reference", request.reference().display(), "link", confirmLink), FollowMail.PURPOSE, request.reference().value());
    }

    static Text update(String textId, String councilName, ServiceRequest request, String statusLabel, String trackingLink) {
        Texts texts = Texts.of(request.language());
        return new Text(textId, PhoneInput.stored(request.contact().phone()), texts.get("sms.update", "council", councilName,
                "reference", request.reference().display(),
                "status", texts.orElse("status." + request.status(), statusLabel), "link", trackingLink),
                UpdateMail.PURPOSE, request.reference().value());
    }
}
