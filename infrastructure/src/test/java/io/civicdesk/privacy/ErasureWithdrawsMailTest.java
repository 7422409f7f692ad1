package io.civicdesk.privacy;

import io.civicdesk.notify.Mail;
import io.civicdesk.notify.MailSender;
import io.civicdesk.notify.OutboxStore;
import io.civicdesk.notify.SesMailer;
import io.civicdesk.notify.SnsTexter;
import io.civicdesk.platform.AwsClients;
import io.civicdesk.platform.DynamoTransactions;
import io.civicdesk.platform.Metrics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import static io.civicdesk.platform.Items.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An erasure withdraws the resident's mail still waiting in the outbox, while the real mail sender sends the same
 * outbox to aws-ses-v2-local at the same moment: each mail is either sent (and in the mailbox) or withdrawn (and
 * never sent), never both, and nothing of the resident is left once an erasure has followed the sender.
 */
class ErasureWithdrawsMailTest {
    private static final int MAILS = 30;
    private static PrivacyStack stack;

    @BeforeAll
    static void start() {
        stack = new PrivacyStack();
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void eachMailIsSentOrWithdrawnNeverBothWithTheSenderRunningAtTheSameMoment() throws Exception {
        String email = "wanda.withdrawn+" + UUID.randomUUID() + "@example.com";
        OutboxStore outbox = new OutboxStore(stack.dynamo, "OutboxTable");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < MAILS; i++) {
            String id = UUID.randomUUID().toString();
            ids.add(id);
            new DynamoTransactions(stack.dynamo).commit(List.of(outbox.pending("mail", new Mail(id, email,
                    "About your booking", "Dear Wanda, number " + i, "<p>Dear Wanda, number " + i + "</p>", "booking", null,
                    List.of()), PrivacyStack.NOW)));
        }
        Clock clock = Clock.fixed(PrivacyStack.NOW, ZoneOffset.UTC);
        MailSender sender = new MailSender(outbox, new SesMailer(AwsClients.sesV2(), "no-reply@melaleuca.example"),
                new SnsTexter(AwsClients.sns(), null, null), clock,
                Metrics.NONE);
        SubjectAccess subjects = stack.privacy().subjectAccess();
        CountDownLatch go = new CountDownLatch(1);
        CompletableFuture<MailSender.Outcome> sending = CompletableFuture.supplyAsync(() -> {
            await(go);
            return sender.send(ids);
        });
        go.countDown();
        SubjectAccess.Erasure erasure = subjects.erase(PrivacyStack.ADMIN, Subject.of(email, null));
        MailSender.Outcome sent = sending.get();

        int withdrawn = 0;
        int sentStatus = 0;
        for (String id : ids) {
            Map<String, AttributeValue> mail = item(id);
            String status = mail.get("status").s();
            assertTrue(status.equals("withdrawn") || status.equals("sent"), id + ": " + status);
            if (status.equals("withdrawn")) {
                withdrawn++;
                assertNull(mail.get("to"), "a withdrawn mail keeps no address");
                assertNull(mail.get("messageId"), "a withdrawn mail was never sent");
            } else {
                sentStatus++;
            }
            assertNull(mail.get("queue"), "nothing waits any more");
        }
        assertEquals(MAILS, withdrawn + sentStatus);
        assertEquals(sent.sent(), sentStatus, "what the sender sent is what is marked sent: " + sent);
        assertEquals(sent.sent() + sent.skipped(), MAILS, "the sender skipped exactly what was withdrawn first: " + sent);
        assertEquals(withdrawn, sent.skipped(), sent.toString());
        assertEquals(sentStatus, stack.stack.mailbox().messages().stream().filter(m -> m.to().contains(email)).count(),
                "the mailbox holds each sent mail once, and no withdrawn one");
        assertEquals(MAILS, erasure.erased().getOrDefault(RecordKind.MAILS, 0) + erasure.left(),
                "each mail withdrawn, anonymised once sent, or left while a sender held it: " + erasure);

        // What a sender held during the erasure was sent since: erased by the next erasure.
        subjects.erase(PrivacyStack.ADMIN, Subject.of(email, null));
        assertTrue(stack.everything().stream().filter(item -> item.startsWith("OutboxTable"))
                .noneMatch(item -> item.contains("wanda") || item.contains("Wanda")), "nothing of Wanda's is left in the outbox");
    }

    private static Map<String, AttributeValue> item(String id) {
        return stack.dynamo.getItem(get -> get.tableName("OutboxTable").key(Map.of("pk", s("MAIL#" + id))).consistentRead(true)).item();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
