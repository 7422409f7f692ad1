package io.civicdesk.privacy;

import io.civicdesk.photos.PhotosWiring;
import io.civicdesk.platform.AwsClients;
import io.civicdesk.platform.Clocks;
import io.civicdesk.platform.Config;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.util.List;

/** The privacy functions put together from their configuration, once per container. */
public record PrivacyWiring(DynamoDbClient dynamo, String catalogTable, String requestsTable, String feedbackTable,
                            String bookingsTable, String outboxTable, String photosTable, Clock clock) {

    static PrivacyWiring fromConfig() {
        return new PrivacyWiring(AwsClients.dynamoDb(), Config.require("CATALOG_TABLE"), Config.require("REQUESTS_TABLE"),
                Config.require("FEEDBACK_TABLE"), Config.require("BOOKINGS_TABLE"), Config.require("OUTBOX_TABLE"),
                Config.require("PHOTOS_TABLE"), Clocks.fromConfig());
    }

    public ScheduleStore schedules() {
        return new ScheduleStore(dynamo, catalogTable);
    }

    /** The tables in the order a retention run reads them. */
    public List<PersonalRecords> tables() {
        return List.of(new RequestRecordStore(dynamo, requestsTable), new FeedbackRecordStore(dynamo, feedbackTable),
                new BookingRecordStore(dynamo, bookingsTable), new MailRecordStore(dynamo, outboxTable), photos());
    }

    /** Photos go with their objects in the photos bucket (PHOTOS_BUCKET). */
    private PhotoRecordStore photos() {
        return new PhotoRecordStore(dynamo, photosTable, requestsTable,
                PhotosWiring.of(dynamo, requestsTable, photosTable, catalogTable, clock).photos());
    }

    public Retention retention() {
        return new Retention(schedules(), new RunStore(dynamo, catalogTable), tables(), clock);
    }

    public AuditTrail audit() {
        return new AuditTrail(new AuditStore(dynamo, catalogTable), clock);
    }

    /** Requests and bookings first: their references lead to the resident's surveys in the feedback table. */
    public SubjectAccess subjectAccess() {
        return new SubjectAccess(List.of(new RequestRecordStore(dynamo, requestsTable), new BookingRecordStore(dynamo, bookingsTable),
                new FeedbackRecordStore(dynamo, feedbackTable), new MailRecordStore(dynamo, outboxTable), photos()), audit(), clock);
    }
}
