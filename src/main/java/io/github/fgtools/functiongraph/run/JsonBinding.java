package io.github.fgtools.functiongraph.run;

import io.github.fgtools.functiongraph.client.Json;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Type;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Binds the JSON event to the handler's parameter type and writes a non-String result as JSON.
 *
 * <p>The handler's types live in the project's class loader, which cannot see the plugin's classes. Jackson binds by
 * reflection, so either copy of Jackson can bind them; which one is used matters for annotations, because an
 * annotation is recognised only by the Jackson whose {@code jackson-annotations} classes it was compiled against:
 * <ul>
 * <li>When the project has {@code jackson-databind} on its own class path, that copy binds, called by reflection
 * through the project's class loader: the project's version, and its {@code @JsonProperty} and friends, apply, as
 * they would in the project's own code.</li>
 * <li>Otherwise the plugin's Jackson binds: a project without Jackson has no Jackson annotations to honour, so
 * getters, setters and public fields are all there is.</li>
 * </ul>
 * Either way it is a plain {@code new ObjectMapper()} with Jackson's defaults.
 */
abstract class JsonBinding {
    private static final String OBJECT_MAPPER = "com.fasterxml.jackson.databind.ObjectMapper";

    /** The project's own Jackson when its class path has one, else the plugin's. */
    static JsonBinding forProject(ClassLoader projectLoader) throws ReflectiveOperationException {
        Class<?> mapperClass;
        try {
            mapperClass = Class.forName(OBJECT_MAPPER, false, projectLoader);
        } catch (ClassNotFoundException e) {
            return new PluginJackson();
        }
        return new ProjectJackson(mapperClass);
    }

    /** Reads {@code json} as {@code type} (a Class or a generic type of the handler's parameter). */
    abstract Object read(byte[] json, Type type) throws Exception;

    /** Writes {@code value} as JSON text. */
    abstract String write(Object value) throws Exception;

    /** Which Jackson this is, for the debug log. */
    abstract String describe();

    /** An exception thrown inside the project's Jackson, unwrapped from the reflective call. */
    static Exception unwrap(Exception e) {
        if (e instanceof InvocationTargetException && e.getCause() instanceof Exception) {
            return (Exception) e.getCause();
        }
        return e;
    }

    /** The plugin's own Jackson, for projects that have none. */
    static final class PluginJackson extends JsonBinding {
        private final ObjectMapper mapper = Json.MAPPER;

        @Override
        Object read(byte[] json, Type type) throws Exception {
            return mapper.readValue(json, mapper.getTypeFactory().constructType(type));
        }

        @Override
        String write(Object value) throws Exception {
            return mapper.writeValueAsString(value);
        }

        @Override
        String describe() {
            return "the plugin's Jackson " + mapper.version() + " (the project has no jackson-databind)";
        }
    }

    /** The project's own Jackson, called by reflection through the project's class loader. */
    static final class ProjectJackson extends JsonBinding {
        private final Object mapper;
        private final Object typeFactory;
        private final Method constructType;
        private final Method readValue;
        private final Method writeValueAsString;
        private final String version;

        ProjectJackson(Class<?> mapperClass) throws ReflectiveOperationException {
            this.mapper = mapperClass.getConstructor().newInstance();
            this.typeFactory = mapperClass.getMethod("getTypeFactory").invoke(mapper);
            this.constructType = typeFactory.getClass().getMethod("constructType", Type.class);
            Class<?> javaType = Class.forName("com.fasterxml.jackson.databind.JavaType", false,
                    mapperClass.getClassLoader());
            this.readValue = mapperClass.getMethod("readValue", byte[].class, javaType);
            this.writeValueAsString = mapperClass.getMethod("writeValueAsString", Object.class);
            this.version = String.valueOf(mapperClass.getMethod("version").invoke(mapper));
        }

        @Override
        Object read(byte[] json, Type type) throws Exception {
            try {
                return readValue.invoke(mapper, json, constructType.invoke(typeFactory, type));
            } catch (InvocationTargetException e) {
                throw unwrap(e);
            }
        }

        @Override
        String write(Object value) throws Exception {
            try {
                return (String) writeValueAsString.invoke(mapper, value);
            } catch (InvocationTargetException e) {
                throw unwrap(e);
            }
        }

        @Override
        String describe() {
            return "the project's own Jackson " + version;
        }
    }
}
