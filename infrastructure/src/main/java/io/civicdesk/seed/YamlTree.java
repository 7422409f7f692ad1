package io.civicdesk.seed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A YAML document (JSON is YAML too) as a JSON tree, remembering where in the file each value stands, by its
 * path ({@code services[3].questions[1].type}).
 *
 * <p>Scalars are typed as JSON types them, not as YAML 1.1 does: only {@code true}/{@code false} are booleans and
 * only plain decimal numbers are numbers, so {@code Yes} stays an answer option, {@code 17:00} stays a time (YAML
 * 1.1 reads it as 1020 minutes) and {@code 2026-12-24} stays a date as written. Anything quoted is text.
 */
final class YamlTree {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern WHOLE = Pattern.compile("[-+]?\\d+");
    private static final Pattern DECIMAL = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

    /** A line and column, counted from 1 as editors show them. */
    record Place(int line, int column) {
        static Place of(Mark mark) {
            return new Place(mark.getLine() + 1, mark.getColumn() + 1);
        }
    }

    /** The document's tree and the place of every value in it. */
    record Parsed(JsonNode root, Map<String, Place> places) {
    }

    private final Mistakes mistakes;
    private final Map<String, Place> places = new HashMap<>();
    /** The nodes being converted, to catch an alias that refers to a node it is inside. */
    private final Set<Node> open = Collections.newSetFromMap(new IdentityHashMap<>());

    private YamlTree(Mistakes mistakes) {
        this.mistakes = mistakes;
    }

    /** The tree, or null with the mistake noted when the text is not one YAML document. */
    static Parsed parse(String text, Mistakes mistakes) {
        Node document;
        try {
            document = new Yaml(new LoaderOptions()).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            mistakes.add("", mark == null ? null : Place.of(mark), "this is not readable YAML: " + e.getProblem());
            return null;
        } catch (YAMLException e) {
            mistakes.add("", null, "this is not readable YAML: " + e.getMessage());
            return null;
        }
        if (document == null) {
            mistakes.add("", new Place(1, 1), "the file is empty");
            return null;
        }
        YamlTree tree = new YamlTree(mistakes);
        JsonNode root = tree.convert(document, "");
        return new Parsed(root, Map.copyOf(tree.places));
    }

    private JsonNode convert(Node node, String path) {
        places.put(path, Place.of(node.getStartMark()));
        if (!open.add(node)) {
            mistakes.add(path, Place.of(node.getStartMark()), "this alias refers to a value it is part of");
            return NODES.nullNode();
        }
        try {
            if (node instanceof MappingNode mapping) {
                return object(mapping, path);
            }
            if (node instanceof SequenceNode sequence) {
                ArrayNode array = NODES.arrayNode();
                for (int i = 0; i < sequence.getValue().size(); i++) {
                    array.add(convert(sequence.getValue().get(i), path + "[" + i + "]"));
                }
                return array;
            }
            return scalar((ScalarNode) node);
        } finally {
            open.remove(node);
        }
    }

    private ObjectNode object(MappingNode mapping, String path) {
        ObjectNode object = NODES.objectNode();
        for (NodeTuple entry : mapping.getValue()) {
            Place keyPlace = Place.of(entry.getKeyNode().getStartMark());
            if (!(entry.getKeyNode() instanceof ScalarNode key)) {
                mistakes.add(path, keyPlace, "a field's name must be plain text, not a list or a mapping");
                continue;
            }
            String name = key.getValue();
            String childPath = path.isEmpty() ? name : path + "." + name;
            if (object.has(name)) {
                mistakes.add(childPath, keyPlace, "\"" + name + "\" is written twice here; keep one");
                continue;
            }
            object.set(name, convert(entry.getValueNode(), childPath));
        }
        return object;
    }

    private static JsonNode scalar(ScalarNode scalar) {
        String value = scalar.getValue();
        if (scalar.getScalarStyle() != DumperOptions.ScalarStyle.PLAIN) {
            return NODES.textNode(value);
        }
        Tag tag = scalar.getTag();
        if (tag.equals(Tag.NULL)) {
            return NODES.nullNode();
        }
        if (tag.equals(Tag.BOOL) && (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false"))) {
            return NODES.booleanNode(Boolean.parseBoolean(value));
        }
        if (tag.equals(Tag.INT) && WHOLE.matcher(value).matches()) {
            return NODES.numberNode(new BigInteger(value));
        }
        if (tag.equals(Tag.FLOAT) && DECIMAL.matcher(value).matches()) {
            return NODES.numberNode(new BigDecimal(value));
        }
        return NODES.textNode(value);
    }
}
