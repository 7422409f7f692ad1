package io.civicdesk.privacy;

import io.civicdesk.photos.Photo;
import io.civicdesk.photos.PhotoStore;
import io.civicdesk.photos.Photos;
import io.civicdesk.platform.Items;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static io.civicdesk.platform.Items.s;

/**
 * The photos table as privacy sees it; the key design is {@link io.civicdesk.photos.PhotoStore}'s:
 *
 * <pre>
 * pk                     sk                 personal
 * REQUEST#{reference}    PHOTO#{photoId}    the photo itself (its objects in the photos bucket)
 * </pre>
 *
 * A photo is due once its request finished longer ago than the photos' period (the request's {@code finishedAt},
 * one GetItem per photo that old); an erasure takes the photos of the resident's requests. A photo is not
 * anonymised but deleted: its objects, then its record (conditional on its version).
 */
public final class PhotoRecordStore implements PersonalRecords {
    private final DynamoDbClient dynamo;
    private final String table;
    private final String requestsTable;
    private final Photos photos;

    public PhotoRecordStore(DynamoDbClient dynamo, String table, String requestsTable, Photos photos) {
        this.dynamo = dynamo;
        this.table = table;
        this.requestsTable = requestsTable;
        this.photos = photos;
    }

    @Override
    public String name() {
        return "photos";
    }

    @Override
    public Page due(Cutoffs cutoffs, String startAfter, int pageSize) {
        ScanItems.ScanPage page = ScanItems.page(dynamo, table, "begins_with(sk, :photo)", Map.of(),
                Map.of(":photo", s("PHOTO#")), startAfter, pageSize);
        return ScanItems.due(dynamo, table, page, cutoffs.now(), item -> isDue(item, cutoffs), PhotoRecordStore::held);
    }

    private boolean isDue(Map<String, AttributeValue> item, Cutoffs cutoffs) {
        if (!cutoffs.due(RecordKind.PHOTOS, ScanItems.instant(item, "addedAt"))) {
            return false; // a request finishes after its photos were added
        }
        Map<String, AttributeValue> request = dynamo.getItem(g -> g.tableName(requestsTable).consistentRead(true)
                .key(Items.key("REQUEST#" + Items.string(item, "reference"), "REQUEST"))).item();
        Instant finishedAt = request == null || request.isEmpty() ? Instant.EPOCH : ScanItems.instant(request, "finishedAt");
        return cutoffs.due(RecordKind.PHOTOS, finishedAt);
    }

    @Override
    public Outcome anonymise(Held record, Cutoffs cutoffs) {
        Photo photo = photos.photo(record.reference(), record.key()).orElse(null);
        if (photo == null || photo.version() != record.version()) {
            return Outcome.NO_LONGER_DUE;
        }
        return photos.erase(photo) ? Outcome.ANONYMISED : Outcome.NO_LONGER_DUE;
    }

    /** The photos of the resident's requests: one Query of each request's partition. */
    /** A photo holds no contact: nothing to look it up by but its request. */
    @Override
    public Backfill backfill(String startAfter, int pageSize) {
        return new Backfill(0, null);
    }

    @Override
    public List<Held> holding(Subject subject, Set<String> related) {
        List<Held> held = new ArrayList<>();
        for (String reference : SubjectLookupStore.references(related, "REQUEST#")) {
            photos.of(reference).stream().map(PhotoRecordStore::held).forEach(held::add);
        }
        return held;
    }

    private static Held held(Map<String, AttributeValue> item) {
        return held(PhotoStore.photo(item));
    }

    private static Held held(Photo photo) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("photoId", photo.id());
        details.put("reference", photo.reference());
        details.put("addedAt", photo.addedAt().toString());
        details.put("state", photo.state().name().toLowerCase(Locale.ROOT));
        return new Held(RecordKind.PHOTOS, photo.id(), photo.reference(), photo.version(), details);
    }
}
