package io.civicdesk.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import io.civicdesk.local.template.FunctionDefinition;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Deque;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * One function's handler, invoked the way Lambda invokes it: the event as JSON in, the result as JSON out,
 * through the Lambda Java runtime's own serialisation. Like Lambda, each instance (a "container") handles one
 * invocation at a time and is reused; concurrent invocations get further instances, each built with the public
 * no-arg constructor on first use, with the stack's configuration in place.
 */
final class LambdaFunction {
    private final FunctionDefinition definition;
    private final SystemProperties configuration;
    private final Class<?> handlerClass;
    private final PojoSerializer<Object> input;
    private final PojoSerializer<Object> output;
    private final Deque<Object> idle = new ConcurrentLinkedDeque<>();

    /** Loads and checks the handler class; fails naming the function if Lambda could not run it either. */
    LambdaFunction(FunctionDefinition definition, SystemProperties configuration) {
        this.definition = definition;
        this.configuration = configuration;
        ClassLoader loader = LambdaFunction.class.getClassLoader();
        try {
            handlerClass = Class.forName(definition.handlerClass(), false, loader);
            handlerClass.getConstructor();
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(definition.logicalId() + ": handler class " + definition.handlerClass()
                    + " is not on the classpath", e);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(definition.logicalId() + ": " + definition.handlerClass()
                    + " needs a public no-arg constructor", e);
        }
        if (RequestStreamHandler.class.isAssignableFrom(handlerClass)) {
            input = null;
            output = null;
        } else if (RequestHandler.class.isAssignableFrom(handlerClass)) {
            Type[] types = requestHandlerTypes(handlerClass);
            input = serializer(types[0], loader);
            output = serializer(types[1], loader);
        } else {
            throw new IllegalStateException(definition.logicalId() + ": " + definition.handlerClass()
                    + " implements neither RequestHandler nor RequestStreamHandler");
        }
    }

    FunctionDefinition definition() {
        return definition;
    }

    /** Invokes the handler with an event (JSON) and returns its result (JSON); a handler's exception propagates. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    byte[] invoke(byte[] event) throws Exception {
        Object instance = idle.poll();
        if (instance == null) {
            instance = newInstance();
        }
        try {
            LocalContext context = new LocalContext(definition, UUID.randomUUID().toString());
            ByteArrayOutputStream result = new ByteArrayOutputStream();
            if (instance instanceof RequestStreamHandler streamHandler) {
                streamHandler.handleRequest(new ByteArrayInputStream(event), result, context);
            } else {
                Object response = ((RequestHandler) instance).handleRequest(input.fromJson(new ByteArrayInputStream(event)), context);
                output.toJson(response, result);
            }
            return result.toByteArray();
        } finally {
            idle.push(instance);
        }
    }

    /**
     * Handlers read their configuration once, when built (as they should in Lambda: once per container). A
     * failing constructor or static initialiser is the function's init error, as in Lambda.
     */
    private Object newInstance() throws Exception {
        try {
            return configuration.during(() -> handlerClass.getConstructor().newInstance());
        } catch (InvocationTargetException | ExceptionInInitializerError e) {
            throw new IllegalStateException(definition.logicalId() + " could not initialise its handler", e.getCause());
        }
    }

    /** The I and O of {@code RequestHandler<I, O>}, looking up the superclasses (a type variable counts as Object). */
    private static Type[] requestHandlerTypes(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Type candidate : c.getGenericInterfaces()) {
                if (candidate instanceof ParameterizedType p && p.getRawType() == RequestHandler.class) {
                    Type[] arguments = p.getActualTypeArguments();
                    for (int i = 0; i < arguments.length; i++) {
                        if (!(arguments[i] instanceof Class<?>) && !(arguments[i] instanceof ParameterizedType)) {
                            arguments[i] = Object.class;
                        }
                    }
                    return arguments;
                }
            }
        }
        return new Type[] {Object.class, Object.class};
    }

    /** What the Lambda Java runtime does: its mix-ins for AWS event classes, plain Jackson for anything else. */
    @SuppressWarnings("unchecked")
    private static PojoSerializer<Object> serializer(Type type, ClassLoader loader) {
        if (type instanceof Class<?> c && LambdaEventSerializers.isLambdaSupportedEvent(c.getName())) {
            return (PojoSerializer<Object>) LambdaEventSerializers.serializerFor(c, loader);
        }
        return JacksonFactory.getInstance().getSerializer(type);
    }
}
