package io.civicdesk.testing;

import io.civicdesk.local.LocalStack;
import io.civicdesk.platform.Json;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The local sign-in page driven as a browser drives it (code flow with PKCE), for tests of who may sign in: the
 * people it lists, and the ID token a chosen one gets.
 */
public final class SignInPage {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern FORM_ACTION = Pattern.compile("<form method=\"post\" action=\"([^\"]+)\"");
    private static final Pattern CHOICE = Pattern.compile("name=\"staff\" value=\"([^\"]+)\">([^<]+)<");

    private final LocalStack stack;
    private final String verifier = UUID.randomUUID() + "-" + UUID.randomUUID();
    private final String page;

    private SignInPage(LocalStack stack) {
        this.stack = stack;
        this.page = send(HttpRequest.newBuilder(URI.create(stack.baseUrl() + "/local-auth/oauth2/authorize?" + authorizeQuery()))).body();
    }

    /** The sign-in page as the staff pages open it now. */
    public static SignInPage open(LocalStack stack) {
        return new SignInPage(stack);
    }

    /** The people listed, by name: their ids, which the page posts. */
    public Map<String, String> listed() {
        Map<String, String> listed = new LinkedHashMap<>();
        Matcher choice = CHOICE.matcher(page);
        while (choice.find()) {
            listed.put(choice.group(2), choice.group(1));
        }
        return listed;
    }

    /** Chooses the person with this id (listed or not): the sign-in's answer, a redirect with a code or an error page. */
    public HttpResponse<String> choose(String staffId) {
        Matcher action = FORM_ACTION.matcher(page);
        if (!action.find()) {
            throw new AssertionError("The sign-in page has no chooser: " + page);
        }
        return send(HttpRequest.newBuilder(URI.create(stack.baseUrl() + action.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("staff=" + encode(staffId))));
    }

    /** Signs in as the person listed with this name: their ID token. */
    public String idTokenOf(String name) {
        String id = listed().get(name);
        if (id == null) {
            throw new AssertionError(name + " is not listed on the sign-in page: " + listed().keySet());
        }
        HttpResponse<String> back = choose(id);
        if (back.statusCode() != 302) {
            throw new AssertionError("Signing in as " + name + " answered " + back.statusCode() + ": " + back.body());
        }
        String location = back.headers().firstValue("location").orElseThrow();
        // Still percent-encoded, as the form wants it.
        String code = location.replaceAll(".*[?&]code=([^&]+).*", "$1");
        String form = "grant_type=authorization_code&client_id=local-staff-portal&code=" + code
                + "&redirect_uri=" + encode(staffPages()) + "&code_verifier=" + encode(verifier);
        HttpResponse<String> tokens = send(HttpRequest.newBuilder(URI.create(stack.baseUrl() + "/local-auth/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
        try {
            return Json.MAPPER.readTree(tokens.body()).path("id_token").asText();
        } catch (IOException e) {
            throw new AssertionError("Not JSON: " + tokens.body(), e);
        }
    }

    private String staffPages() {
        return stack.baseUrl() + "/staff/";
    }

    private String authorizeQuery() {
        return "response_type=code&client_id=local-staff-portal&redirect_uri=" + encode(staffPages())
                + "&scope=openid+email+profile&state=s&code_challenge=" + challenge() + "&code_challenge_method=S256";
    }

    private String challenge() {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("The local sign-in did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
