package io.civicdesk.bookings;

import io.civicdesk.platform.StaffReadAudit;
import io.civicdesk.catalog.CatalogStore;
import io.civicdesk.feedback.FeedbackWiring;
import io.civicdesk.feedback.SurveyInvitations;
import io.civicdesk.notify.OutboxStore;
import io.civicdesk.payments.PaymentStore;
import io.civicdesk.payments.Payments;
import io.civicdesk.payments.RequestFees;
import io.civicdesk.requests.RequestWiring;
import io.civicdesk.payments.StripePayments;
import io.civicdesk.platform.AwsClients;
import io.civicdesk.platform.Cached;
import io.civicdesk.platform.Clocks;
import io.civicdesk.platform.Config;
import io.civicdesk.platform.DynamoTransactions;
import io.civicdesk.platform.IdempotencyStore;
import io.civicdesk.platform.IdempotentCommand;
import io.civicdesk.platform.Metrics;
import io.civicdesk.platform.PowertoolsMetrics;
import io.civicdesk.platform.Transactions;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.function.Supplier;

/**
 * The one place the booking functions are put together: from their configuration, once per container, or from
 * in-memory stores in the handler tests. Every piece is always there (an outbox, an {@link BookingSweeps.OnTakenPlace}
 * that may do nothing); a function simply does not call what it has no route for.
 */
final class BookingWiring {
    final FacilityBrowsing browsing;
    final NewBookings newBookings;
    final ResidentBookings residents;
    final StaffBookings staff;
    final BookingFeed feed;
    final BookingSweeps sweeps;
    final BookingPayments payments;
    final PaymentReconciliation reconciliation;
    /** Services' fees, paid through the same webhook; null in a function not given the requests table. */
    final RequestFees requestFees;

    /** What a booking service needs to say in its mail and links. */
    record Council(String portalUrl, Supplier<String> name, String mailFrom) {
    }

    BookingWiring(Facilities facilities, Bookings bookings, Transactions transactions, IdempotentCommand.Answers answers,
                  OutboxStore outbox, BookingSweeps.OnTakenPlace onTakenPlace, Council council, Clock clock,
                  SecureRandom random, Metrics metrics, StaffReadAudit audit, Payments payments, RequestFees requestFees) {
        BookingChanges changes = new BookingChanges(bookings, facilities, transactions, outbox, clock, council.portalUrl(),
                council.name(), council.mailFrom(), payments);
        SlotClashes clashes = new SlotClashes(bookings, metrics);
        this.browsing = new FacilityBrowsing(facilities, bookings, clock);
        this.newBookings = new NewBookings(changes, new IdempotentCommand(answers, transactions, clock), clashes, random);
        this.residents = new ResidentBookings(changes, clashes);
        this.staff = new StaffBookings(changes, random, audit);
        this.feed = new BookingFeed(changes);
        this.sweeps = new BookingSweeps(changes, onTakenPlace);
        this.payments = new BookingPayments(changes, transactions, requestFees);
        this.reconciliation = new PaymentReconciliation(changes, requestFees);
        this.requestFees = requestFees;
    }

    /** The resident, staff and schedules functions. Only the schedules function, which invites residents to the survey, is given the feedback table. */
    static BookingWiring fromConfig() {
        DynamoDbClient dynamo = AwsClients.dynamoDb();
        String catalogTable = Config.require("CATALOG_TABLE");
        String bookingsTable = Config.require("BOOKINGS_TABLE");
        CatalogStore catalog = new CatalogStore(dynamo, catalogTable);
        Clock clock = Clocks.fromConfig();
        OutboxStore outbox = new OutboxStore(dynamo, Config.require("OUTBOX_TABLE"));
        SecureRandom random = new SecureRandom();
        String portalUrl = Config.require("PORTAL_URL");
        String feedbackTable = Config.optional("FEEDBACK_TABLE");
        BookingSweeps.OnTakenPlace onTakenPlace = feedbackTable == null ? BookingSweeps.OnTakenPlace.NOTHING
                : surveys(new FeedbackWiring(dynamo, clock).invitations());
        Cached<String> councilName = new Cached<>(() -> catalog.council().name(), Duration.ofMinutes(5), clock);
        Cached<ZoneId> councilZone = new Cached<>(() -> ZoneId.of(catalog.council().timeZone()), Duration.ofMinutes(5), clock);
        String mailFrom = Config.optional("MAIL_FROM") == null ? "no-reply@example.com" : Config.optional("MAIL_FROM");
        Payments payments = payments(dynamo, bookingsTable, random, councilZone::get);
        return new BookingWiring(new FacilityStore(dynamo, catalogTable),
                new BookingStore(dynamo, bookingsTable, Config.require("SLOT_LOCKS_TABLE")), new DynamoTransactions(dynamo),
                new IdempotencyStore(dynamo, bookingsTable), outbox, onTakenPlace, new Council(portalUrl, councilName::get, mailFrom),
                clock, random, PowertoolsMetrics.fromConfig(), StaffReadAudit.installed(catalogTable, clock),
                payments, Config.optional("REQUESTS_TABLE") == null ? null
                        : requestFees(RequestWiring.fromConfig(), random, payments, new DynamoTransactions(dynamo), clock, portalUrl));
    }

    /** Services' fees over the requests' own wiring. */
    static RequestFees requestFees(RequestWiring requests, SecureRandom random, Payments payments, Transactions transactions,
                                   Clock clock, String portalUrl) {
        return new RequestFees(requests.submissions(random), requests.paidServiceRequests(), payments, transactions, clock, portalUrl);
    }

    /** Stripe, its keys from the function's configuration (template parameters); its payments kept with the bookings. */
    static Payments payments(DynamoDbClient dynamo, String bookingsTable, SecureRandom random, Supplier<ZoneId> council) {
        return new Payments(new StripePayments(Config.require("STRIPE_SECRET_KEY"), Config.require("STRIPE_WEBHOOK_SECRET"),
                Config.require("STRIPE_API_BASE")), new PaymentStore(dynamo, bookingsTable), random, council);
    }

    /** The facilities function: reads only (the catalogue and the slot locks), so it needs no outbox. */
    static FacilityBrowsing browsing() {
        DynamoDbClient dynamo = AwsClients.dynamoDb();
        return new FacilityBrowsing(new FacilityStore(dynamo, Config.require("CATALOG_TABLE")),
                new BookingStore(dynamo, Config.require("BOOKINGS_TABLE"), Config.require("SLOT_LOCKS_TABLE")), Clocks.fromConfig());
    }

    /** A booking that has taken place opens its survey, the facility standing as the service. */
    static BookingSweeps.OnTakenPlace surveys(SurveyInvitations invitations) {
        return (booking, now) -> invitations.onBookingEnded(booking.reference(), booking.facilityId(), booking.facilityName(),
                booking.secretHash(), booking.contact(), booking.texts(), booking.language(), now).writes();
    }
}
