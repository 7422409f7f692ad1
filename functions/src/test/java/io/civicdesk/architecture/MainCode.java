package io.civicdesk.architecture;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The compiled classes of {@code functions/src/main}, and the one way the architecture tests report what breaks a
 * rule: every offending class, by name, with what it should not use. A nested, anonymous or local class counts as
 * part of the class whose file it is in, so a rule about "classes named *Store" is a rule about store files.
 */
final class MainCode {
    static final String ROOT = "io.civicdesk";

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    private MainCode() {
    }

    /** The name of the top-level class whose source file holds {@code type}, e.g. {@code io.civicdesk.requests.RequestStore}. */
    static String fileClass(JavaClass type) {
        JavaClass base = type.getBaseComponentType();
        String name = base.getName();
        int nested = name.indexOf('$');
        return nested < 0 ? name : name.substring(0, nested);
    }

    /** The simple name of the class whose file holds {@code type}: {@code RequestStore} for {@code RequestStore$QueueEntry}. */
    static String fileName(JavaClass type) {
        String name = fileClass(type);
        return name.substring(name.lastIndexOf('.') + 1);
    }

    /** The capability package a class is in ({@code requests} for {@code io.civicdesk.requests.RequestStore}), or "" at the root. */
    static String capability(JavaClass type) {
        String pkg = type.getBaseComponentType().getPackageName();
        if (!pkg.startsWith(ROOT + ".")) {
            return "";
        }
        String rest = pkg.substring(ROOT.length() + 1);
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    /**
     * {@code requests.RequestStore} for our classes (short enough to read in a list, still says where the class is);
     * the simple name for a library's ({@code DynamoDbClient}), whose package the rule already names.
     */
    static String shortName(String className) {
        String name = className.replace('$', '.');
        return name.startsWith(ROOT + ".") ? name.substring(ROOT.length() + 1) : name.substring(name.lastIndexOf('.') + 1);
    }

    static boolean inPackage(JavaClass type, String packagePrefix) {
        String pkg = type.getBaseComponentType().getPackageName();
        return pkg.equals(packagePrefix) || pkg.startsWith(packagePrefix + ".");
    }

    /**
     * Each main-code file (by its top-level class) that {@code origin} picks, with the classes it depends on that
     * {@code forbidden} picks. Dependencies are read from the bytecode: imports, fields, signatures, calls,
     * annotations, and the types of values passed along without being named.
     */
    static SortedMap<String, SortedSet<String>> uses(Predicate<JavaClass> origin, Predicate<Dependency> forbidden) {
        SortedMap<String, SortedSet<String>> found = new TreeMap<>();
        for (JavaClass type : CLASSES) {
            if (!origin.test(type)) {
                continue;
            }
            for (Dependency dependency : type.getDirectDependenciesFromSelf()) {
                if (forbidden.test(dependency)) {
                    found.computeIfAbsent(fileClass(type), key -> new TreeSet<>())
                            .add(fileClass(dependency.getTargetClass()));
                }
            }
        }
        return found;
    }

    /** Fails naming every class that breaks {@code rule} and, for each, what it uses that it should not. */
    static void assertNone(String rule, Map<String, ? extends Set<String>> violations) {
        if (violations.isEmpty()) {
            return;
        }
        String list = violations.entrySet().stream()
                .map(entry -> "  - " + shortName(entry.getKey()) + " uses " + entry.getValue().stream()
                        .map(MainCode::shortName).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("\n"));
        fail(violations.size() + (violations.size() == 1 ? " class breaks" : " classes break") + " the rule: " + rule
                + "\n" + list);
    }
}
