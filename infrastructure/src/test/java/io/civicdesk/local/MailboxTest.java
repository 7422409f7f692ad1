package io.civicdesk.local;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.Attachment;

/** aws-ses-v2-local as a child process, driven by the real SES v2 client. */
class MailboxTest {
    private static Mailbox mailbox;
    private static SesV2Client ses;

    @BeforeAll
    static void start() {
        mailbox = new Mailbox(LocalStack.findProjectRoot().resolve("infrastructure/node_modules/aws-ses-v2-local/dist/cli.js"),
                LocalStack.freePort());
        mailbox.start();
        ses = SesV2Client.builder().endpointOverride(URI.create(mailbox.url())).region(Region.AP_SOUTHEAST_2)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    @AfterAll
    static void stop() {
        ses.close();
        mailbox.close();
    }

    private static void send(String to, String subject) {
        ses.sendEmail(b -> b.fromEmailAddress("no-reply@example.com").destination(d -> d.toAddresses(to))
                .content(c -> c.simple(m -> m.subject(s -> s.data(subject))
                        .body(body -> body.html(h -> h.data("<p>Hello</p>")).text(t -> t.data("Hello")))
                        .attachments(Attachment.builder().fileName("report.csv").contentType("text/csv")
                                .rawContent(SdkBytes.fromString("a,b\n1,2\n", StandardCharsets.UTF_8)).build()))));
    }

    @Test
    void mailSentThroughSesIsInTheMailboxUntilCleared() {
        mailbox.clear();
        send("resident@example.com", "Your request");

        List<Mailbox.Message> messages = mailbox.messages();
        assertEquals(1, messages.size());
        Mailbox.Message mail = messages.get(0);
        assertEquals("no-reply@example.com", mail.from());
        assertEquals(List.of("resident@example.com"), mail.to());
        assertEquals("Your request", mail.subject());
        assertEquals("<p>Hello</p>", mail.html());
        assertEquals("Hello", mail.text());
        assertEquals("report.csv", mail.attachments().get(0).filename());
        assertArrayEquals("a,b\n1,2\n".getBytes(StandardCharsets.UTF_8), mail.attachments().get(0).content());

        mailbox.clear();
        assertTrue(mailbox.messages().isEmpty());
    }

    @Test
    void stoppedMailboxRefusesMailAndComesBackOnTheSamePort() {
        String url = mailbox.url();
        mailbox.stop();
        try {
            assertThrows(SdkClientException.class, () -> send("resident@example.com", "While SES is down"));
        } finally {
            mailbox.start();
        }

        assertEquals(url, mailbox.url());
        send("resident@example.com", "After SES is back");
        assertTrue(mailbox.messages().stream().anyMatch(m -> m.subject().equals("After SES is back")));
    }
}
