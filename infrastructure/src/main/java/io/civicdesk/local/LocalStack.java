package io.civicdesk.local;

import io.civicdesk.demo.DemoData;
import io.civicdesk.demo.DemoStaff;
import io.civicdesk.local.template.FunctionDefinition;
import io.civicdesk.local.template.Intrinsics;
import io.civicdesk.local.template.SamTemplate;
import io.civicdesk.local.template.TableDefinition;
import io.civicdesk.local.template.UserPoolDefinition;
import io.civicdesk.catalog.CatalogStore;
import io.civicdesk.catalog.Unit;
import io.civicdesk.staff.CognitoSignInAccounts;
import io.civicdesk.staff.StaffAdministration;
import io.civicdesk.directory.StaffDirectory;
import io.civicdesk.directory.StaffMember;
import io.civicdesk.platform.Clocks;
import io.civicdesk.platform.Json;
import io.civicdesk.platform.StaffCaller.Role;
import io.civicdesk.portal.PortalBuild;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The whole product in one JVM, with no AWS account: DynamoDB (moto) with the tables of {@code template.yaml}, its
 * Cognito user pools and their groups (moto), aws-ses-v2-local for mail, the template's functions behind a local
 * API Gateway that also serves the portal and checks staff tokens, moto's SNS for texts (shown by {@link TextsPage}), a local stand-in for Cognito's hosted UI where
 * the user pool's staff sign in, and the functions' DynamoDB stream and schedule events.
 *
 * <p>The handlers are the deployed classes, unchanged. Lambda would give each function its environment; one JVM
 * cannot, so the stack sets every function's environment as JVM system properties of the same names (the
 * functions' {@code Config} falls back to those), with the SDK's own properties pointing every client here
 * ({@code aws.region}, credentials, {@code aws.endpointUrlDynamoDb}, {@code aws.endpointUrlSesV2},
 * {@code aws.endpointUrlCognitoIdentityProvider}); they are put
 * back as they were on {@link #close()}. For the same reason two functions may not give one variable different
 * values. Stacks may overlap in one JVM (a test's own stack beside a shared one): each handler is constructed
 * with its own stack's properties in place, so handlers should read their configuration when constructed.
 */
public final class LocalStack implements AutoCloseable {
    static final String REGION = "ap-southeast-2";
    static final String ACCOUNT_ID = "000000000000";
    private static final String CATALOG_TABLE = "CatalogTable";
    private static final String USER_POOL_CLIENT = "AWS::Cognito::UserPoolClient";
    private static final StaticCredentialsProvider LOCAL_CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));

    /** How to start the stack. Defaults: any free port, no demo data, event sources running, the repository's template. */
    public static final class Options {
        private int port;
        private boolean seedDemoData;
        private boolean eventSources = true;
        private Path projectRoot;
        private String template;
        private Path portalDirectory;
        private Instant now;

        private Options() {
        }

        public static Options defaults() {
            return new Options();
        }

        /** The gateway's port; 0 takes any free one. */
        public Options port(int port) {
            this.port = port;
            return this;
        }

        /** Writes the demo council's catalogue (DemoData) before the first request. */
        public Options seedDemoData(boolean seed) {
            this.seedDemoData = seed;
            return this;
        }

        /** Runs stream events as records arrive and schedules on their expressions; off, only runSchedules runs them. */
        public Options eventSources(boolean run) {
            this.eventSources = run;
            return this;
        }

        /** The repository's root; by default the nearest directory up from here with template.yaml and infrastructure/. */
        public Options projectRoot(Path root) {
            this.projectRoot = root;
            return this;
        }

        /** A template's YAML to run instead of the repository's template.yaml. */
        public Options template(String yaml) {
            this.template = yaml;
            return this;
        }

        /**
         * Runs the product, its demo data and its schedules as if it were {@code now} when the stack starts; the
         * clock ticks on from there. By default the real time.
         */
        public Options now(Instant now) {
            this.now = now;
            return this;
        }

        /**
         * The portal's sources; by default portal/ in the repository. The stack serves them built as they are deployed
         * ({@link PortalBuild}: for the repository's own portal into infrastructure/target/portal, the folder a
         * deployment uploads; for others into a folder of the stack's own), and builds again when a source changes.
         */
        public Options portalDirectory(Path directory) {
            this.portalDirectory = directory;
            return this;
        }
    }

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final Thread shutdownHook = new Thread(this::close, "local-stack-shutdown");
    private MotoServer moto;
    private DynamoDbClient dynamoDb;
    private S3Client s3;
    private CognitoIdentityProviderClient cognito;
    private final Map<String, String> userPoolIds = new HashMap<>();
    private Mailbox mailbox;
    private TextsPage textsPage;
    private PaymentPage paymentPage;
    private LocalGateway gateway;
    private StaffTokens staffTokens;
    private Scheduler scheduler;
    private List<ObjectPoller> objectPollers = List.of();
    private Duration clockOffset = Duration.ZERO;
    private boolean closed;

    private LocalStack() {
    }

    public static LocalStack start(Options options) {
        LocalStack stack = new LocalStack();
        try {
            stack.startAll(options);
            return stack;
        } catch (Exception e) {
            stack.close();
            throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getMessage(), e);
        }
    }

    private void startAll(Options options) throws Exception {
        // From the start: a JVM stopped while the stack starts stops the servers started so far.
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        Path root = options.projectRoot != null ? options.projectRoot : findProjectRoot();
        SamTemplate template = options.template != null ? SamTemplate.parse(options.template)
                : SamTemplate.read(root.resolve("template.yaml"));
        List<FunctionDefinition> definitions = template.functions();
        // The port first: if it is taken, say so before starting anything else.
        List<RouteTable.Route> routes = definitions.stream().flatMap(f -> f.routes().stream()
                .map(r -> new RouteTable.Route(r.method(), r.path(), f.logicalId()))).toList();
        gateway = closeLater(new LocalGateway(options.port, new RouteTable(routes), portal(options, root)));
        staffTokens = new StaffTokens(baseUrl() + LocalSignIn.PATH);

        // The demo's staff keep the ids its requests, the tests and the docs name as their Cognito sub.
        moto = closeLater(new MotoServer(root.resolve("infrastructure/src/main/python/moto_local.py"), options.seedDemoData
                ? DemoData.staff().stream().collect(Collectors.toMap(StaffMember::email, StaffMember::id)) : Map.of()));
        mailbox = closeLater(new Mailbox(root.resolve("infrastructure/node_modules/aws-ses-v2-local/dist/cli.js"), freePort()));
        mailbox.start();
        textsPage = closeLater(new TextsPage(moto.endpoint()));
        dynamoDb = closeLater(DynamoDbClient.builder().endpointOverride(URI.create(moto.endpoint()))
                .region(Region.of(REGION)).credentialsProvider(LOCAL_CREDENTIALS)
                .httpClient(UrlConnectionHttpClient.create()).build());
        DynamoDbStreamsClient streams = closeLater(DynamoDbStreamsClient.builder()
                .endpointOverride(URI.create(moto.endpoint())).region(Region.of(REGION))
                .credentialsProvider(LOCAL_CREDENTIALS).httpClient(UrlConnectionHttpClient.create()).build());
        for (TableDefinition table : template.tables()) {
            dynamoDb.createTable(table.createTableRequest());
            table.updateTimeToLiveRequest().ifPresent(dynamoDb::updateTimeToLive);
        }
        cognito = closeLater(CognitoIdentityProviderClient.builder().endpointOverride(URI.create(moto.endpoint()))
                .region(Region.of(REGION)).credentialsProvider(LOCAL_CREDENTIALS)
                .httpClient(UrlConnectionHttpClient.create()).build());
        for (UserPoolDefinition pool : template.userPools()) {
            String id = cognito.createUserPool(pool.createUserPoolRequest()).userPool().id();
            pool.groups().forEach(group -> cognito.createGroup(group.toBuilder().userPoolId(id).build()));
            userPoolIds.put(pool.logicalId(), id);
        }

        if (options.now != null) {
            clockOffset = Duration.between(Instant.now(), options.now);
        }
        // Stripe's stand-in, with keys made up for this run (on the stack's clock, set just above): the functions are given them as their configuration.
        paymentPage = closeLater(new PaymentPage("sk_test_local_" + UUID.randomUUID(), "whsec_local_" + UUID.randomUUID(), clock()));
        Intrinsics intrinsics = intrinsics(template, userPoolIds);
        // The buckets, in moto's S3, named as the template names them (photos: docs/photos.md).
        Map<String, String> buckets = template.buckets(intrinsics);
        s3 = closeLater(S3Client.builder().endpointOverride(URI.create(moto.endpoint())).region(Region.of(REGION))
                .credentialsProvider(LOCAL_CREDENTIALS).forcePathStyle(true).httpClient(UrlConnectionHttpClient.create()).build());
        buckets.values().forEach(bucket -> s3.createBucket(b -> b.bucket(bucket)
                .createBucketConfiguration(c -> c.locationConstraint(REGION))));
        Map<String, String> withBuckets = new HashMap<>(userPoolIds);
        withBuckets.putAll(buckets);
        intrinsics = intrinsics(template, withBuckets);
        SystemProperties configuration = new SystemProperties(configuration(intrinsics, definitions));
        Map<String, String> replaced = configuration.apply();
        closeLater(() -> SystemProperties.restore(replaced));
        Map<String, LambdaFunction> functions = new LinkedHashMap<>();
        definitions.forEach(definition -> functions.put(definition.logicalId(), new LambdaFunction(definition, configuration)));
        if (options.seedDemoData) {
            DemoData.seed(dynamoDb, template.table(CATALOG_TABLE).tableName(), clock());
            // Past reports for the dashboard, before the staff directory exists: they mail nobody.
            io.civicdesk.demo.DemoReports.seed(dynamoDb, template.table("FiguresTable").tableName(), clock());
            // The demo's staff, added as an administrator adds anyone: an account in the user pool and the directory item.
            DemoStaff.add(staffAdministration(template));
            // The demo requests in every state, written through the staff services.
            io.civicdesk.demo.DemoWorkspace.seed(dynamoDb, template.table(CATALOG_TABLE).tableName(),
                    template.table("RequestsTable").tableName(), template.table("OutboxTable").tableName(), baseUrl(), clock());
        }

        paymentPage.sendWebhooksTo(apiUrl() + "/payments/stripe/webhook");
        scheduler = new Scheduler(List.copyOf(functions.values()), clock());
        List<StreamPoller> pollers = functions.values().stream().flatMap(f -> f.definition().streams().stream()
                .map(event -> new StreamPoller(dynamoDb, streams, f, event, template.table(event.table()).tableName())))
                .toList();
        objectPollers = functions.values().stream().flatMap(f -> f.definition().objectEvents().stream()
                .map(event -> new ObjectPoller(s3, f, event, buckets.get(event.bucket())))).toList();
        if (options.eventSources) {
            ScheduledExecutorService executor = Executors.newScheduledThreadPool(2, runnable -> {
                Thread thread = new Thread(runnable, "local-event-sources");
                thread.setDaemon(true);
                return thread;
            });
            closeLater(() -> {
                executor.shutdownNow();
                executor.awaitTermination(10, TimeUnit.SECONDS);
            });
            pollers.forEach(poller -> poller.start(executor));
            objectPollers.forEach(poller -> poller.start(executor));
            scheduler.start(executor);
        }
        definitions.forEach(f -> f.unemulatedEvents().forEach(event -> System.err.println(
                "local stack: " + f.logicalId() + " event " + event + " is not emulated locally")));
        gateway.start(functions, authorizers(definitions, intrinsics), new LocalSignIn(staffTokens, baseUrl(),
                DemoData.COUNCIL.name(), new UserPoolStaff(cognito, signInPool(template)), unitNames(template),
                preTokenGeneration(template, functions)), new BucketProxy(Set.copyOf(buckets.values()), moto.endpoint()));
    }

    /** The portal, built from its sources (a mistake in them stops the stack here, with the page it is in). */
    private PortalBuild portal(Options options, Path root) throws IOException {
        Path sources = root.resolve("portal");
        Path built = root.resolve("infrastructure/target/portal");
        if (options.portalDirectory != null) {
            sources = options.portalDirectory;
            Path own = Files.createTempDirectory("civicdesk-portal-");
            closeLater(() -> {
                try (Stream<Path> files = Files.walk(own)) {
                    for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(file);
                    }
                }
            });
            built = own;
        }
        PortalBuild portal = new PortalBuild(sources, built);
        portal.build();
        return portal;
    }

    /**
     * Local values for references: pseudo parameters, each user pool's Ref is its ID in moto, and each app client's
     * Ref is the local sign-in's client ID (the local sign-in, not moto, plays the hosted UI the client signs in at).
     */
    private static Intrinsics intrinsics(SamTemplate template, Map<String, String> userPoolIds) {
        // userPoolIds: and, once they are created, each bucket's Ref (its name).
        Map<String, String> references = new HashMap<>(Map.of("AWS::Region", REGION, "AWS::AccountId", ACCOUNT_ID,
                "AWS::Partition", "aws", "AWS::StackName", "civicdesk-local", "AWS::URLSuffix", "amazonaws.com"));
        references.putAll(userPoolIds);
        template.logicalIds(USER_POOL_CLIENT).forEach(client -> references.put(client, StaffTokens.CLIENT_ID));
        return template.intrinsics(references);
    }

    /**
     * Each guarded route's JWT authorizer, by route key. Locally one identity provider issues every token, so each
     * authorizer trusts the local sign-in's issuer whatever issuer it names; its audience resolves as written.
     */
    private Map<String, LocalJwtAuthorizer> authorizers(List<FunctionDefinition> functions, Intrinsics intrinsics) {
        Map<String, LocalJwtAuthorizer> byRouteKey = new HashMap<>();
        for (FunctionDefinition function : functions) {
            for (FunctionDefinition.HttpRoute route : function.routes()) {
                route.authorizer().ifPresent(authorizer -> byRouteKey.put(route.routeKey(), new LocalJwtAuthorizer(
                        authorizer.tokenHeader(), staffTokens,
                        authorizer.audience().stream().map(intrinsics::resolve).collect(Collectors.toSet()))));
            }
        }
        return byRouteKey;
    }

    /** The SDK's settings for every client the handlers build, and each function's resolved environment. */
    private Map<String, String> configuration(Intrinsics intrinsics, List<FunctionDefinition> functions) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("aws.region", REGION);
        properties.put("aws.accessKeyId", "local");
        properties.put("aws.secretAccessKey", "local");
        properties.put("aws.endpointUrlDynamoDb", moto.endpoint());
        properties.put("aws.endpointUrlSesV2", mailbox.url());
        properties.put("aws.endpointUrlCognitoIdentityProvider", moto.endpoint());
        properties.put("aws.endpointUrlS3", moto.endpoint());
        properties.put("aws.endpointUrlSns", moto.endpoint());
        // Browsers reach the buckets on the portal's origin, path-style (BucketProxy); the functions sign for it.
        properties.put("PHOTOS_ENDPOINT", baseUrl());
        // Set even when zero, so a handler of this stack never reads another open stack's clock.
        properties.put(Clocks.OFFSET, clockOffset.toString());
        // What only the local stack knows: where the portal is.
        Map<String, String> supplied = Map.of("PORTAL_URL", baseUrl(), "STRIPE_API_BASE", paymentPage.url(),
                "STRIPE_SECRET_KEY", paymentPage.secretKey(), "STRIPE_WEBHOOK_SECRET", paymentPage.webhookSecret());
        Map<String, String> setBy = new HashMap<>();
        for (FunctionDefinition function : functions) {
            function.resolvedEnvironment(intrinsics, supplied).forEach((name, value) -> {
                String earlier = properties.putIfAbsent(name, value);
                if (earlier != null && !earlier.equals(value)) {
                    throw new IllegalStateException(function.logicalId() + " and " + setBy.get(name) + " give " + name
                            + " different values; the local stack runs every function in one JVM, where they share it");
                }
                setBy.putIfAbsent(name, function.logicalId());
            });
        }
        return properties;
    }

    /** The staff administration the functions run, on this stack's directory and user pool: how the demo adds its staff. */
    private StaffAdministration staffAdministration(SamTemplate template) {
        String catalogTable = template.table(CATALOG_TABLE).tableName();
        return new StaffAdministration(new StaffDirectory(dynamoDb, catalogTable),
                new CognitoSignInAccounts(cognito, signInPool(template)), new CatalogStore(dynamoDb, catalogTable));
    }

    /** The user pool of the app client staff sign in with (locally, at the local sign-in); null if there is none. */
    private String signInPool(SamTemplate template) {
        return template.logicalIds(USER_POOL_CLIENT).stream().map(client -> template.reference(client, "UserPoolId"))
                .flatMap(Optional::stream).map(userPoolIds::get).filter(Objects::nonNull)
                .findFirst().orElse(null);
    }

    /**
     * The sign-in pool's pre token generation trigger, invoked as Cognito invokes it when the hosted UI signs someone
     * in (a version 1 event: their attributes and groups); its failure refuses the sign-in with its message.
     */
    private Consumer<StaffMember> preTokenGeneration(SamTemplate template, Map<String, LambdaFunction> functions) {
        String pool = signInPool(template);
        Optional<LambdaFunction> trigger = template.userPools().stream()
                .filter(definition -> pool != null && pool.equals(userPoolIds.get(definition.logicalId())))
                .flatMap(definition -> definition.preTokenGeneration().stream()).map(functions::get).findFirst();
        if (trigger.isEmpty()) {
            return member -> { };
        }
        return member -> {
            Map<String, Object> attributes = new LinkedHashMap<>();
            attributes.put("sub", member.id());
            attributes.put("email", member.email());
            attributes.put("email_verified", "true");
            attributes.put("name", member.name());
            if (member.unitId() != null) {
                attributes.put("custom:unit", member.unitId());
            }
            Map<String, Object> groups = new LinkedHashMap<>();
            groups.put("groupsToOverride", member.roles().stream().map(Role::group).sorted().toList());
            groups.put("iamRolesToOverride", List.of());
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("version", "1");
            event.put("triggerSource", "TokenGeneration_HostedAuth");
            event.put("region", REGION);
            event.put("userPoolId", pool);
            event.put("userName", member.id());
            event.put("callerContext", Map.of("awsSdkVersion", "local", "clientId", StaffTokens.CLIENT_ID));
            event.put("request", Map.of("userAttributes", attributes, "groupConfiguration", groups));
            event.put("response", Map.of());
            try {
                trigger.get().invoke(Json.write(event).getBytes(StandardCharsets.UTF_8));
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        };
    }

    /** A unit's name from the stack's catalogue, for the sign-in page; its id while the catalogue has no such unit. */
    private Function<String, String> unitNames(SamTemplate template) {
        if (template.tables().stream().noneMatch(table -> table.logicalId().equals(CATALOG_TABLE))) {
            return unitId -> unitId;
        }
        CatalogStore catalog = new CatalogStore(dynamoDb, template.table(CATALOG_TABLE).tableName());
        return unitId -> catalog.unit(unitId).map(Unit::name).orElse(unitId);
    }

    /** "http://localhost:PORT": the portal at /, the API at /api. */
    public String baseUrl() {
        return "http://localhost:" + gateway.port();
    }

    public String apiUrl() {
        return baseUrl() + LocalGateway.API_PREFIX;
    }

    /** The clock the stack's functions, demo data and schedules read: the real time, or as {@link Options#now} set it. */
    public Clock clock() {
        return Clock.offset(Clock.systemUTC(), clockOffset);
    }

    /** Staff tokens as the local sign-in issues them, valid or wrong in one way, for tests of staff routes. */
    public StaffTokens staffTokens() {
        return staffTokens;
    }

    /** A client of the stack's Cognito user pools (moto). */
    public CognitoIdentityProviderClient cognito() {
        return cognito;
    }

    /** The ID a user pool of the template (by logical ID, e.g. StaffUserPool) has locally: its {@code Ref}. */
    public String userPoolId(String logicalId) {
        String id = userPoolIds.get(logicalId);
        if (id == null) {
            throw new IllegalArgumentException("The template declares no user pool " + logicalId);
        }
        return id;
    }

    /** A client of the stack's S3 (moto), path-style. */
    public S3Client s3() {
        return s3;
    }

    /** A client of the stack's DynamoDB (the tables are named by their logical IDs). */
    public DynamoDbClient dynamoDb() {
        return dynamoDb;
    }

    public String dynamoDbEndpoint() {
        return moto.endpoint();
    }

    public Mailbox mailbox() {
        return mailbox;
    }

    /** The texts the product sent (moto's SNS keeps them), and the page beside the mailbox that shows them. */
    public TextsPage texts() {
        return textsPage;
    }

    /** The stand-in for Stripe: its hosted payment pages, and the API the functions call. */
    public PaymentPage paymentPage() {
        return paymentPage;
    }

    /** Delivers every object waiting in the buckets' event sources now, as S3 would have by then (tests). */
    public void deliverObjects() {
        objectPollers.forEach(ObjectPoller::poll);
    }

    /** Invokes each schedule event of the function now (a "run now"); the handler's failure propagates. */
    public void runSchedules(String functionLogicalId) {
        try {
            scheduler.runNow(functionLogicalId);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(functionLogicalId + " failed: " + e.getMessage(), e);
        }
    }

    /** Stops everything it started, last first, system properties included. Safe to call twice. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                System.err.println("local stack: while stopping: " + e);
            }
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException | IllegalArgumentException e) {
            // Already shutting down, or the hook was never added: nothing to remove.
        }
    }

    private <T extends AutoCloseable> T closeLater(T resource) {
        started.push(resource);
        return resource;
    }

    /** A port free right now (the OS picks it), for a server about to start. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The repository's root: {@code -Dcivicdesk.root}, else the nearest directory up from here with template.yaml. */
    public static Path findProjectRoot() {
        String configured = System.getProperty("civicdesk.root");
        if (configured != null) {
            return Path.of(configured).toAbsolutePath();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("template.yaml")) && Files.isDirectory(dir.resolve("infrastructure"))) {
                return dir;
            }
        }
        throw new IllegalStateException("Cannot find the CivicDesk repository (template.yaml) from "
                + Path.of("").toAbsolutePath() + ": run from inside it, or set -Dcivicdesk.root");
    }
}
