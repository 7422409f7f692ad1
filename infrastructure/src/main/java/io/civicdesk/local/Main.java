package io.civicdesk.local;

import io.civicdesk.demo.DemoData;
import io.civicdesk.feedback.CounterDeviceStore;
import io.civicdesk.open311.Open311Wiring;
import java.net.BindException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./civicdesk run}: the whole product on this machine until Ctrl-C. Options: {@code --port N} (0: any free
 * port) and {@code --now 2026-12-24T10:00+08:00}, to see the council on another day (the clock ticks on from there).
 */
public final class Main {
    private static final int DEFAULT_PORT = 8080;

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        Map<String, String> options = options(args);
        int port = options.containsKey("--port") ? Integer.parseInt(options.get("--port")) : DEFAULT_PORT;
        LocalStack stack;
        try {
            stack = LocalStack.start(LocalStack.Options.defaults().port(port).seedDemoData(true).eventSources(true)
                    .now(options.containsKey("--now") ? OffsetDateTime.parse(options.get("--now")).toInstant() : null));
        } catch (RuntimeException e) {
            if (causedBy(e, BindException.class)) {
                System.err.printf("Port %d is already in use. Stop what uses it, or choose another port:%n"
                        + "  ./civicdesk run --port %d      (--port 0 picks any free port)%n", port, port + 1);
            } else {
                System.err.println("The local stack could not start: " + e.getMessage());
                e.printStackTrace();
            }
            System.exit(1);
            return;
        }
        // A demo front-counter tablet for Waste Services, as an administrator would issue one (POST /staff/counter-devices).
        String counterKey = new CounterDeviceStore(stack.dynamoDb(), "FeedbackTable")
                .register("waste", "Front counter (demo)", "demo-admin", stack.clock().instant(), new SecureRandom());
        // A demo Open311 API key, issued as an administrator issues one (POST /staff/open311/keys).
        String administrator = DemoData.staff().stream().filter(member -> member.id().equals("demo-admin")).findFirst()
                .orElseThrow().name();
        String open311Key = Open311Wiring.keys(stack.dynamoDb(), "CatalogTable", stack.clock())
                .issue("Demo integrator", "CivicDesk demo", administrator).key();
        System.out.printf("""

                CivicDesk is running on this machine (no AWS account involved).

                  Resident portal   %1$s/
                  Staff pages       %1$s/staff/     sign in as any of the staff
                  Counter tablet    %1$s/counter.html#device=%6$s
                  API               %2$s/services
                  Open311 API       %2$s/open311/v2/discovery.json   key %8$s
                  Mailbox (SES)     %3$s/        every mail the product sends
                  Texts (SMS)       %10$s/        every text the product sends (SNS, moto)
                  DynamoDB (moto)   %4$s    region %5$s, any credentials
                  Staff user pool   %7$s    (moto, same endpoint)
                  Payments (Stripe) %9$s/        stand-in hosted payment page: every checkout and refund
                  Photos (S3, moto) %1$s/civicdesk-local-photos-000000000000/   the bucket, on the portal's origin

                Press Ctrl-C to stop.
                %n""", stack.baseUrl(), stack.apiUrl(), stack.mailbox().url(), stack.dynamoDbEndpoint(), LocalStack.REGION,
                counterKey, stack.userPoolId("StaffUserPool"), open311Key, stack.paymentPage().url(), stack.texts().url());
        // The stack's shutdown hook stops everything, the node process included, when Ctrl-C ends the JVM.
        new CountDownLatch(1).await();
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length && args.length % 2 == 0; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        boolean valid = args.length % 2 == 0 && Set.of("--port", "--now").containsAll(options.keySet())
                && options.getOrDefault("--port", "0").matches("\\d{1,5}") && Integer.parseInt(options.getOrDefault("--port", "0")) <= 65535;
        try {
            if (valid && options.containsKey("--now")) {
                OffsetDateTime.parse(options.get("--now"));
            }
        } catch (DateTimeParseException e) {
            valid = false;
        }
        if (!valid) {
            System.err.println("Usage: ./civicdesk run [--port N] [--now 2026-12-24T10:00+08:00]   (port default "
                    + DEFAULT_PORT + ", 0 picks any free port; now default the real time)");
            System.exit(2);
        }
        return options;
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
