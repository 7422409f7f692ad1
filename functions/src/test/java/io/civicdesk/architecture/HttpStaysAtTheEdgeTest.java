package io.civicdesk.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import static io.civicdesk.architecture.MainCode.fileClass;
import static io.civicdesk.architecture.MainCode.fileName;

/**
 * Only the HTTP edge speaks HTTP. The domain refuses with a {@code Refusal} of some kind and never picks a status;
 * {@code HttpResponses} (platform) turns the kind into a status, and only handlers write answers with it. A reader
 * may read the request it is given; a service is handed records, never the request.
 */
class HttpStaysAtTheEdgeTest {

    private static final String PLATFORM = "io.civicdesk.platform";
    private static final Set<String> STATUS_OF_A_REFUSAL = Set.of(
            "io.civicdesk.platform.Refusal", "io.civicdesk.platform.Refusal$Kind");

    private static boolean outsidePlatform(JavaClass type) {
        return !MainCode.inPackage(type, PLATFORM);
    }

    @Test
    void onlyHandlersAnswerWithHttpResponses() {
        MainCode.assertNone("outside platform, only a *Handler uses platform.HttpResponses",
                MainCode.uses(type -> outsidePlatform(type) && !fileName(type).endsWith("Handler"),
                        dependency -> fileClass(dependency.getTargetClass()).equals(PLATFORM + ".HttpResponses")));
    }

    @Test
    void onlyHandlersAndReadersSeeTheHttpRequest() {
        MainCode.assertNone("outside platform, only a *Handler or *Reader uses platform.HttpRequest",
                MainCode.uses(type -> outsidePlatform(type)
                                && !fileName(type).endsWith("Handler") && !fileName(type).endsWith("Reader"),
                        dependency -> fileClass(dependency.getTargetClass()).equals(PLATFORM + ".HttpRequest")));
    }

    @Test
    void onlyPlatformTurnsARefusalIntoAStatus() {
        SortedMap<String, SortedSet<String>> asking = new TreeMap<>();
        for (JavaClass type : MainCode.CLASSES) {
            if (!outsidePlatform(type)) {
                continue;
            }
            Stream.concat(type.getMethodCallsFromSelf().stream(), type.getMethodReferencesFromSelf().stream())
                    .filter(access -> access.getName().equals("status")
                            && STATUS_OF_A_REFUSAL.contains(access.getTargetOwner().getName()))
                    .forEach(access -> asking.computeIfAbsent(fileClass(type), key -> new TreeSet<>())
                            .add(access.getTargetOwner().getName() + ".status()"));
        }
        MainCode.assertNone("outside platform, nothing asks a Refusal or its Kind for its HTTP status()", asking);
    }
}
