package io.civicdesk.photos;

import io.civicdesk.platform.Items;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.civicdesk.platform.Items.n;
import static io.civicdesk.platform.Items.s;

/**
 * The photos table: a request's photos, in the request's own partition.
 *
 * <pre>
 * pk                     sk                 item
 * REQUEST#{reference}    ALBUM              the request's album: version counts the photos ever added, so two uploads
 *                                           granted at once cannot both take the third place
 * REQUEST#{reference}    PHOTO#{photoId}    a photo: state, shown, contentType, by, addedAt, refusal, width, height,
 *                                           version; expiresAt (TTL) while it is uploading or refused
 * </pre>
 *
 * Every read is a GetItem or one Query of the partition. Every change is conditional on the photo's version; adding
 * one is a transaction of the album's version (as read) and the new photo.
 */
public final class PhotoStore {
    static final String ALBUM = "ALBUM";
    /** An upload not processed or a refusal not read within this time is deleted by TTL. */
    static final Duration KEEP_UNFINISHED = Duration.ofDays(2);

    private final DynamoDbClient dynamo;
    private final String table;

    public PhotoStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** A request's photos, oldest first, and the album's version to add the next one under. */
    public record Album(List<Photo> photos, long version) {
    }

    public Album album(String reference) {
        List<Photo> photos = new ArrayList<>();
        long version = 0;
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            var page = dynamo.query(q -> q.tableName(table).consistentRead(true).exclusiveStartKey(from)
                    .keyConditionExpression("pk = :pk").expressionAttributeValues(Map.of(":pk", s(pk(reference)))));
            for (Map<String, AttributeValue> item : page.items()) {
                if (ALBUM.equals(Items.string(item, "sk"))) {
                    version = Items.number(item, "version");
                } else {
                    photos.add(photo(item));
                }
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        photos.sort(java.util.Comparator.comparing(Photo::addedAt).thenComparing(Photo::id));
        return new Album(photos, version);
    }

    public Optional<Photo> find(String reference, String photoId) {
        var item = dynamo.getItem(g -> g.tableName(table).consistentRead(true).key(Items.key(pk(reference), sk(photoId)))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(photo(item));
    }

    /** Adds an uploading photo if the album is still at {@code albumVersion}; false if another was added first. */
    public boolean add(Photo photo, long albumVersion) {
        Update album = Update.builder().tableName(table).key(Items.key(pk(photo.reference()), ALBUM))
                .updateExpression("SET version = :next")
                .conditionExpression(albumVersion == 0 ? "attribute_not_exists(pk)" : "version = :seen")
                .expressionAttributeValues(albumVersion == 0 ? Map.of(":next", n(1))
                        : Map.of(":next", n(albumVersion + 1), ":seen", n(albumVersion))).build();
        Put put = Put.builder().tableName(table).item(item(photo)).conditionExpression("attribute_not_exists(pk)").build();
        try {
            dynamo.transactWriteItems(t -> t.transactItems(TransactWriteItem.builder().update(album).build(),
                    TransactWriteItem.builder().put(put).build()));
            return true;
        } catch (TransactionCanceledException e) {
            return false;
        }
    }

    /** Writes the photo as changed, if it is still at {@code expectedVersion}; false if it changed or is gone. */
    public boolean save(Photo photo, long expectedVersion) {
        try {
            dynamo.putItem(p -> p.tableName(table).item(item(photo)).conditionExpression("version = :v")
                    .expressionAttributeValues(Map.of(":v", n(expectedVersion))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /** Deletes the photo if it is still at its version; false if it changed or is gone. */
    public boolean delete(Photo photo) {
        try {
            dynamo.deleteItem(d -> d.tableName(table).key(Items.key(pk(photo.reference()), sk(photo.id())))
                    .conditionExpression("version = :v").expressionAttributeValues(Map.of(":v", n(photo.version()))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    static String pk(String reference) {
        return "REQUEST#" + reference;
    }

    static String sk(String photoId) {
        return "PHOTO#" + photoId;
    }

    private static Map<String, AttributeValue> item(Photo photo) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s(pk(photo.reference())));
        item.put("sk", s(sk(photo.id())));
        item.put("reference", s(photo.reference()));
        item.put("photoId", s(photo.id()));
        item.put("state", s(photo.state().name()));
        item.put("shown", s(photo.shown().name()));
        item.put("contentType", s(photo.contentType()));
        item.put("by", s(photo.by()));
        item.put("addedAt", s(photo.addedAt().toString()));
        item.put("width", n(photo.width()));
        item.put("height", n(photo.height()));
        item.put("version", n(photo.version()));
        if (photo.refusal() != null) {
            item.put("refusal", s(photo.refusal()));
        }
        if (photo.state() != Photo.State.READY) {
            item.put("expiresAt", n(photo.addedAt().plus(KEEP_UNFINISHED).getEpochSecond()));
        }
        return item;
    }

    /** A photo item as read (privacy's retention reads them by Scan). */
    public static Photo photo(Map<String, AttributeValue> item) {
        return new Photo(Items.string(item, "reference"), Items.string(item, "photoId"),
                Photo.State.valueOf(Items.string(item, "state")), Photo.Shown.valueOf(Items.string(item, "shown")),
                Items.string(item, "contentType"), Items.string(item, "by"), Instant.parse(Items.string(item, "addedAt")),
                Items.string(item, "refusal"), Items.integer(item, "width"), Items.integer(item, "height"),
                Items.number(item, "version"));
    }
}
