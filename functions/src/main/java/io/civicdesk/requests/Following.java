package io.civicdesk.requests;

import io.civicdesk.catalog.Units;
import io.civicdesk.languages.Language;
import io.civicdesk.notify.Outgoing;
import io.civicdesk.platform.Hashes;
import io.civicdesk.platform.Idempotency;
import io.civicdesk.platform.Refusal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Anyone following a request's public updates by email (or text), from its tracking page: they are added unconfirmed
 * and mailed (or texted) a link to confirm (an unconfirmed follower is mailed nothing else); every update mail then carries a
 * one-click link to stop. Both links carry the follower's unguessable token. Followers are kept with the request
 * ({@link Handling#followers()}), beside the residents of its duplicates, who follow it the same way.
 * Whether an address already follows is never told: asking again answers the same, and mails only an unconfirmed one.
 */
public final class Following {
    /** Followers kept with one request, so its item stays small; a request this watched is well known anyway. */
    static final int MAX_FOLLOWERS = 200;

    private final ResidentChanges changes;
    private final Changes mails;
    private final Units units;

    Following(ResidentChanges changes, Changes mails, Units units) {
        this.changes = changes;
        this.mails = mails;
        this.units = units;
    }

    public Idempotency.Answer follow(Reference reference, ResidentMessageReader.FollowRequest asking,
                                     Optional<Idempotency.Key> key) {
        String email = asking.email();
        String phone = asking.phone();
        Language language = asking.language();
        return changes.run(reference, key, (request, now) -> {
            if (request.handling().duplicateOf() != null) {
                throw Refusal.conflict("This request was joined to " + request.handling().duplicateOf().display()
                        + ", which is about the same problem: follow that one instead.");
            }
            List<Follower> followers = request.handling().followers();
            Optional<Follower> known = followers.stream().filter(f -> email == null ? phone.equals(f.phone())
                    : email.equalsIgnoreCase(f.email())).findFirst();
            String label = RequestStatus.label(request.status());
            ResidentChanges.Drafted asked = new ResidentChanges.Drafted(null, List.of(), ResidentReceipt.of(request, label,
                    "following-pending"), 202);
            if (known.isPresent()) {
                // Confirmed already: nothing to send. Not yet: the confirmation again, with the same token.
                return known.get().confirmed() ? asked : new ResidentChanges.Drafted(null,
                        List.of(confirmation(request, known.get())), asked.answer(), 202);
            }
            if (followers.size() >= MAX_FOLLOWERS) {
                throw Refusal.conflict("So many people follow this request already that we cannot add more. "
                        + "Check its progress on this page instead.");
            }
            Follower follower = new Follower(null, email, phone, email == null ? PreferredChannel.SMS : PreferredChannel.EMAIL,
                    language, false, Changes.newToken());
            List<Follower> more = new ArrayList<>(followers);
            more.add(follower);
            return followersChanged(request, more, "follower-added", now, List.of(confirmation(request, follower)),
                    "following-pending", 202);
        });
    }

    /** From the confirmation mail's link: the follower is mailed the updates from now on. Confirming twice is fine. */
    public Idempotency.Answer confirm(Reference reference, String token) {
        return changes.run(reference, Optional.empty(), (request, now) -> {
            Follower follower = withToken(request, token).orElseThrow(() -> Refusal.notFound(
                    "This link no longer works: you may have stopped following this request. Follow it again from its page."));
            if (follower.confirmed()) {
                return new ResidentChanges.Drafted(null, List.of(),
                        ResidentReceipt.of(request, RequestStatus.label(request.status()), "following"), 200);
            }
            List<Follower> followers = request.handling().followers().stream()
                    .map(f -> f == follower ? f.confirm() : f).toList();
            return followersChanged(request, followers, "follower-confirmed", now, List.of(), "following", 200);
        });
    }

    /** From any follower mail's link, in one click: no more mails. Stopping twice is fine. */
    public Idempotency.Answer unfollow(Reference reference, String token) {
        return changes.run(reference, Optional.empty(), (request, now) -> {
            Optional<Follower> follower = withToken(request, token);
            if (follower.isEmpty()) {
                return new ResidentChanges.Drafted(null, List.of(),
                        ResidentReceipt.of(request, RequestStatus.label(request.status()), "unfollowed"), 200);
            }
            List<Follower> kept = request.handling().followers().stream().filter(f -> f != follower.get()).toList();
            return followersChanged(request, kept, "follower-removed", now, List.of(), "unfollowed", 200);
        });
    }

    private static Optional<Follower> withToken(ServiceRequest request, String token) {
        return request.handling().followers().stream()
                .filter(f -> f.token() != null && Hashes.matches(token, Hashes.sha256(f.token())))
                .findFirst();
    }

    /** The request with its followers changed, and an internal history entry that names no one. */
    private ResidentChanges.Drafted followersChanged(ServiceRequest request, List<Follower> followers, String action,
                                                     Instant now, List<Outgoing> sent,
                                                     String outcome, int status) {
        ServiceRequest after = request.changed(request.status(), request.unitId(), request.handling().withFollowers(followers));
        HistoryEntry entry = ResidentChanges.entry(request, now, action, null,
                Map.of("followers", String.valueOf(followers.stream().filter(Follower::confirmed).count())), null);
        return new ResidentChanges.Drafted(ResidentChanges.change(request, after, entry, sent, now), List.of(),
                ResidentReceipt.of(after, RequestStatus.label(after.status()), outcome), status);
    }

    /** The mail (or, to a phone, the text) asking them to confirm, carrying their token. */
    private Outgoing confirmation(ServiceRequest request, Follower follower) {
        String confirmLink = mails.followLink(request.reference(), "confirm", follower.token());
        if (follower.email() == null) {
            return ResidentTexts.followConfirmation(UUID.randomUUID().toString(), units.council().name(), follower, request,
                    confirmLink);
        }
        return FollowMail.confirmation(UUID.randomUUID().toString(), follower, units.council().name(), request,
                mails.serviceName(request, follower.language()), mails.trackingLink(request.reference()),
                confirmLink);
    }
}
