package io.civicdesk.requests;

import io.civicdesk.catalog.Units;
import io.civicdesk.languages.Language;
import io.civicdesk.notify.Mail;
import io.civicdesk.notify.Outgoing;
import io.civicdesk.platform.Hashes;

import java.security.SecureRandom;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Drafts the change of one request, timed by its service levels; a public message adds a public update and mails
 * (or texts, as they chose) the resident and whoever follows it, each with their own tracking link.
 */
final class Changes {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Timing timing;
    private final Units units;
    private final Supplier<String> mailIds;
    private final String portalUrl;

    Changes(Timing timing, Units units, Supplier<String> mailIds, String portalUrl) {
        this.timing = timing;
        this.units = units;
        this.mailIds = mailIds;
        this.portalUrl = portalUrl.replaceAll("/+$", "");
    }

    Timing timing() {
        return timing;
    }

    /** A change staff alone see: its history entry and nothing for the resident. */
    Change internal(Acting acting, ServiceRequest changed, HistoryEntry entry) {
        return of(acting, changed, entry, null, List.of(), null);
    }

    /**
     * @param label the label of the request's status, for the mail
     */
    Change of(Acting acting, ServiceRequest changed, HistoryEntry entry, String publicMessage,
              List<Follower> followers, String label) {
        ServiceRequest after = timing.moved(changed, acting.now(), publicMessage != null);
        List<PublicUpdate> updates = new ArrayList<>();
        List<Outgoing> mails = new ArrayList<>();
        if (publicMessage != null) {
            updates.add(new PublicUpdate(acting.now(), after.status(), publicMessage));
            residentUpdate(after, label, publicMessage).ifPresent(mails::add);
            // An unconfirmed follower gets nothing until they confirm from the mail that asked them.
            for (Follower follower : followers) {
                if (follower.mailed()) {
                    mails.add(followerMail(follower, after, label, publicMessage));
                } else if (follower.texted()) {
                    mails.add(ResidentTexts.followerUpdate(mailIds.get(), units.council().name(), follower, after, label,
                            trackingLink(after.reference()), followLink(after.reference(), "unfollow", follower.token())));
                }
            }
        }
        return new Change(List.of(new RequestChange(after, acting.request().version(), List.of(entry), updates)),
                mails, acting.now());
    }

    /** The update for the resident themselves: a mail or a text, as they chose; none when they chose neither. */
    Optional<Outgoing> residentUpdate(ServiceRequest request, String label, String message) {
        if (request.preferredChannel() == PreferredChannel.EMAIL && request.contact().email() != null) {
            return Optional.of(mail(request.contact().email(), request.language(), request, label, message, request.reference(), null));
        }
        if (ResidentTexts.wanted(request)) {
            return Optional.of(ResidentTexts.update(mailIds.get(), units.council().name(), request, label,
                    trackingLink(request.reference())));
        }
        return Optional.empty();
    }

    /** An update mail about {@code request} in {@code language}, linking to {@code tracked}'s tracking page. */
    Mail mail(String to, Language language, ServiceRequest request, String label, String message, Reference tracked,
              String followerReference) {
        return UpdateMail.compose(mailIds.get(), to, language, units.council().name(), request,
                serviceName(request, language), label, message, trackingLink(tracked), followerReference, null);
    }

    /** The update mail for one follower, in their language, with their one-click unfollow link. */
    private Mail followerMail(Follower follower, ServiceRequest request, String label, String message) {
        return UpdateMail.compose(mailIds.get(), follower.email(), follower.language(), units.council().name(), request,
                serviceName(request, follower.language()), label, message, trackingLink(request.reference()),
                follower.reference() == null ? UpdateMail.FOLLOWING_BY_EMAIL : follower.reference().display(),
                follower.token() == null ? null : followLink(request.reference(), "unfollow", follower.token()));
    }

    String serviceName(ServiceRequest request, Language language) {
        return units.find(request.serviceId()).map(service -> service.name(language)).orElse(request.serviceName());
    }

    /** The portal's page that confirms or ends following, its secret in the fragment (never sent to a server). */
    String followLink(Reference reference, String what, String token) {
        return portalUrl + "/follow.html?ref=" + reference.value() + "#" + what + "=" + token;
    }

    String portalUrl() {
        return portalUrl;
    }

    /** A follower's secret: 128 random bits. */
    static String newToken() {
        return Hashes.newSecret(RANDOM);
    }

    String trackingLink(Reference reference) {
        return portalUrl + "/track.html?ref=" + reference.value();
    }
}
