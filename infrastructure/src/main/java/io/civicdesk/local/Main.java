package io.civicdesk.local;

import io.civicdesk.feedback.CounterDeviceStore;
import java.net.BindException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;

/** {@code ./civicdesk run}: the whole product on this machine until Ctrl-C. Options: {@code --port N} (0: any free port). */
public final class Main {
    private static final int DEFAULT_PORT = 8080;

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = port(args);
        LocalStack stack;
        try {
            stack = LocalStack.start(LocalStack.Options.defaults().port(port).seedDemoData(true).eventSources(true));
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
                .register("waste", "Front counter (demo)", "demo-admin", Instant.now(), new SecureRandom());
        System.out.printf("""

                CivicDesk is running on this machine (no AWS account involved).

                  Resident portal   %1$s/
                  Staff pages       %1$s/staff/     sign in as any of the demo staff
                  Counter tablet    %1$s/counter.html#device=%6$s
                  API               %2$s/services
                  Mailbox (SES)     %3$s/        every mail the product sends
                  DynamoDB (moto)   %4$s    region %5$s, any credentials

                Press Ctrl-C to stop.
                %n""", stack.baseUrl(), stack.apiUrl(), stack.mailbox().url(), stack.dynamoDbEndpoint(), LocalStack.REGION,
                counterKey);
        // The stack's shutdown hook stops everything, the node process included, when Ctrl-C ends the JVM.
        new CountDownLatch(1).await();
    }

    private static int port(String[] args) {
        if (args.length == 0) {
            return DEFAULT_PORT;
        }
        if (args.length == 2 && args[0].equals("--port") && args[1].matches("\\d{1,5}")
                && Integer.parseInt(args[1]) <= 65535) {
            return Integer.parseInt(args[1]);
        }
        System.err.println("Usage: ./civicdesk run [--port N]   (default " + DEFAULT_PORT + "; 0 picks any free port)");
        System.exit(2);
        return -1;
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
