package io.civicdesk.photos;

import io.civicdesk.platform.Hashes;
import io.civicdesk.platform.Log;
import io.civicdesk.platform.Refusal;
import io.civicdesk.platform.StaffCaller;
import io.civicdesk.platform.StaffReadAudit;
import io.civicdesk.requests.Reference;
import io.civicdesk.requests.RequestActions;
import io.civicdesk.requests.Requests;
import io.civicdesk.requests.ServiceRequest;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A request's photos: uploads granted to the resident (their private link) or an officer, each processed when it
 * arrives ({@link PhotoImages}), shown to staff at once and to the public once an officer approves it, and erased
 * with the request's personal details.
 */
public final class Photos {
    public static final int MAX_PHOTOS = 3;
    static final Set<String> TYPES = Set.of("image/jpeg", "image/png", "image/webp");
    static final Set<String> HEIC_TYPES = Set.of("image/heic", "image/heif", "image/heic-sequence", "image/heif-sequence");
    static final Duration UPLOAD_LIFETIME = Duration.ofMinutes(15);
    static final Duration VIEW_LIFETIME = Duration.ofMinutes(10);
    /** An upload granted this long ago that has not arrived no longer holds a place in the album. */
    static final Duration STILL_UPLOADING = Duration.ofHours(1);
    private static final String ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

    /** An upload granted: the photo's record and the form to post the file with. */
    public record Granted(Photo photo, PhotoObjectStore.Upload upload) {
    }

    private final Requests requests;
    private final PhotoStore store;
    private final PhotoObjectStore objects;
    private final StaffReadAudit audit;
    private final Clock clock;
    private final SecureRandom random;

    public Photos(Requests requests, PhotoStore store, PhotoObjectStore objects, StaffReadAudit audit, Clock clock,
                  SecureRandom random) {
        this.requests = requests;
        this.store = store;
        this.objects = objects;
        this.audit = audit;
        this.clock = clock;
        this.random = random;
    }

    public Granted addByResident(Reference reference, String privateKey, PhotoRequest photo) {
        owned(reference, privateKey);
        return add(reference, "resident", photo);
    }

    public Granted addByStaff(StaffCaller caller, Reference reference, PhotoRequest photo) {
        RequestActions.requireHandler(caller);
        found(reference);
        return add(reference, "staff", photo);
    }

    private Granted add(Reference reference, String by, PhotoRequest request) {
        Instant now = clock.instant();
        PhotoStore.Album album = store.album(reference.value());
        if (album.photos().stream().filter(p -> holdsAPlace(p, now)).count() >= MAX_PHOTOS) {
            throw Refusal.invalid("photos", "A report can have " + MAX_PHOTOS + " photos at most, and this one has "
                    + MAX_PHOTOS + ". Remove one first if you need to change it.");
        }
        Photo photo = new Photo(reference.value(), newId(), Photo.State.UPLOADING, Photo.Shown.PENDING,
                request.contentType(), by, now, null, 0, 0, 1);
        if (!store.add(photo, album.version())) {
            throw Refusal.conflict("Another photo was being added at the same moment. Try again.");
        }
        return new Granted(photo, objects.presignedPost(photo.uploadKey(), photo.contentType(), PhotoImages.MAX_BYTES, now,
                UPLOAD_LIFETIME));
    }

    private static boolean holdsAPlace(Photo photo, Instant now) {
        return photo.state() == Photo.State.READY
                || photo.state() == Photo.State.UPLOADING && photo.addedAt().isAfter(now.minus(STILL_UPLOADING));
    }

    /**
     * An upload arrived: it becomes a clean photo and thumbnail, or is refused; either way the upload itself is
     * deleted, and an upload no photo is waiting for is deleted unread. A failure (S3 or DynamoDB unavailable)
     * leaves the upload where it is, for the event's retry (and the bucket's lifecycle after a day).
     */
    public Photo.State process(String bucket, String key) {
        String[] names = PhotoKeys.upload(key).orElse(null);
        Photo photo = names == null ? null : store.find(names[0], names[1]).orElse(null);
        if (photo == null || photo.state() != Photo.State.UPLOADING || !photo.uploadKey().equals(key)) {
            objects.delete(bucket, List.of(key));
            return null;
        }
        PhotoObjectStore.Read read = objects.read(bucket, key, PhotoImages.MAX_BYTES).orElse(null);
        if (read == null) {
            return null; // already processed: a repeated event
        }
        Photo.State outcome = clean(bucket, photo, read);
        objects.delete(bucket, List.of(key));
        return outcome;
    }

    private Photo.State clean(String bucket, Photo photo, PhotoObjectStore.Read read) {
        PhotoImages.Cleaned cleaned;
        try {
            if (read.tooLarge()) {
                throw new PhotoImages.NotAPhoto("The photo is larger than 10 MB. Choose a smaller photo.");
            }
            cleaned = PhotoImages.clean(read.bytes());
        } catch (PhotoImages.NotAPhoto refused) {
            store.save(with(photo, Photo.State.REFUSED, refused.getMessage(), 0, 0), photo.version());
            Log.info("photo-refused", Map.of("reference", photo.reference(), "photo", photo.id()));
            return Photo.State.REFUSED;
        }
        objects.putJpeg(bucket, photo.imageKey(), cleaned.image());
        objects.putJpeg(bucket, photo.thumbnailKey(), cleaned.thumbnail());
        if (!store.save(with(photo, Photo.State.READY, null, cleaned.width(), cleaned.height()), photo.version())) {
            // Erased or changed while it was processed: nothing may point at nothing, nor be left unpointed at.
            objects.delete(bucket, List.of(photo.imageKey(), photo.thumbnailKey()));
            return null;
        }
        return Photo.State.READY;
    }

    private static Photo with(Photo photo, Photo.State state, String refusal, int width, int height) {
        return new Photo(photo.reference(), photo.id(), state, photo.shown(), photo.contentType(), photo.by(),
                photo.addedAt(), refusal, width, height, photo.version() + 1);
    }

    /** The public's photos of a request (approved ones), or with its private key all the resident's own. */
    public List<PhotoViews.View> forResident(Reference reference, String privateKey) {
        boolean owner = privateKey != null && !privateKey.isEmpty();
        if (owner) {
            owned(reference, privateKey);
        } else {
            found(reference);
        }
        Instant now = clock.instant();
        return store.album(reference.value()).photos().stream()
                .filter(p -> owner ? p.state() != Photo.State.UPLOADING || holdsAPlace(p, now)
                        : p.state() == Photo.State.READY && p.shown() == Photo.Shown.APPROVED)
                .map(p -> PhotoViews.view(p, owner, this::link)).toList();
    }

    /**
     * A link to the request's first photo an officer approved for the public (the clean, re-encoded one: no
     * metadata), for other apps (Open311's {@code media_url}); valid for {@link #VIEW_LIFETIME}, like every link.
     */
    public Optional<String> publicLink(Reference reference) {
        return store.album(reference.value()).photos().stream()
                .filter(p -> p.state() == Photo.State.READY && p.shown() == Photo.Shown.APPROVED)
                .findFirst().map(p -> link(p.imageKey()));
    }

    /** Every photo of the request, for staff; the read is audited as a read of the request. */
    public List<PhotoViews.View> forStaff(StaffCaller caller, Reference reference) {
        RequestActions.requireHandler(caller);
        found(reference);
        List<PhotoViews.View> views = store.album(reference.value()).photos().stream()
                .map(p -> PhotoViews.view(p, true, this::link)).toList();
        audit.shown(caller, "request", List.of(reference.value()));
        return views;
    }

    /** An officer of the request's unit shows a ready photo on the public page, or hides it. */
    public PhotoViews.View decide(StaffCaller caller, Reference reference, String photoId, Photo.Shown shown, long expectedVersion) {
        RequestActions.requireHandler(caller);
        caller.requireUnit(found(reference).unitId());
        Photo photo = store.find(reference.value(), photoId).orElseThrow(() -> Refusal.notFound("This request has no photo " + photoId + "."));
        if (photo.state() != Photo.State.READY) {
            throw Refusal.conflict("This photo is not ready to be shown: it is " + photo.state().name().toLowerCase() + ".");
        }
        Photo decided = new Photo(photo.reference(), photo.id(), photo.state(), shown, photo.contentType(), photo.by(),
                photo.addedAt(), null, photo.width(), photo.height(), expectedVersion + 1);
        if (photo.version() != expectedVersion || !store.save(decided, expectedVersion)) {
            throw Refusal.conflict("Someone else changed this photo since you opened the request. Reload it and decide again.");
        }
        return PhotoViews.view(decided, true, this::link);
    }

    /**
     * The resident takes back a photo they added, until an officer approves it for the public page: its record is
     * deleted on the version just read (an approval meanwhile moves the version on, so the delete is refused), then
     * its objects. Removing it again deletes the objects again and answers the same, so a retry after a failure
     * between the two leaves nothing behind; a processing run that finds the record gone deletes what it wrote.
     */
    public void removeByResident(Reference reference, String privateKey, String photoId) {
        owned(reference, privateKey);
        if (!PhotoKeys.isPhotoId(photoId)) {
            throw Refusal.notFound("This request has no photo " + photoId + ".");
        }
        Optional<Photo> found = store.find(reference.value(), photoId);
        if (found.isPresent()) {
            Photo photo = found.get();
            if (!"resident".equals(photo.by())) {
                throw Refusal.forbidden("An officer added this photo: only the council can remove it.");
            }
            if (photo.shown() == Photo.Shown.APPROVED) {
                throw Refusal.conflict("An officer has approved this photo for the public tracking page, so it can no "
                        + "longer be removed here. Tell us more from this page if it should go.");
            }
            if (!store.delete(photo)) {
                throw Refusal.conflict("This photo changed as you removed it. Reload the page and try again.");
            }
        }
        objects.delete(objects.bucket(), PhotoKeys.all(reference.value(), photoId));
        Log.info("photo-removed", Map.of("reference", reference.value(), "photo", photoId));
    }

    /** Deletes a photo's objects, then its record; false if it changed since it was read (read it again). */
    public boolean erase(Photo photo) {
        objects.delete(objects.bucket(), PhotoKeys.all(photo.reference(), photo.id()));
        return store.delete(photo);
    }

    /** The request's photos as they are now, for privacy's retention and erasure. */
    public List<Photo> of(String reference) {
        return store.album(reference).photos();
    }

    public Optional<Photo> photo(String reference, String photoId) {
        return store.find(reference, photoId);
    }

    private String link(String key) {
        return objects.presignedGet(key, VIEW_LIFETIME);
    }

    private ServiceRequest found(Reference reference) {
        return requests.get(reference).orElseThrow(() -> Refusal.notFound("We could not find a request with the reference "
                + reference.display() + ". Check it against your confirmation email or text."));
    }

    private void owned(Reference reference, String privateKey) {
        ServiceRequest request = found(reference);
        if (privateKey == null || !Hashes.matches(privateKey, request.secretHash())) {
            throw Refusal.forbidden("This link is not the private link of request " + reference.display()
                    + ". Use the link in your confirmation email.");
        }
    }

    private String newId() {
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            id.append(ID_ALPHABET.charAt(random.nextInt(ID_ALPHABET.length())));
        }
        return id.toString();
    }
}
