package org.tandem.testsupport.beans;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What the container does to a Jakarta EE bean before its first use, for tests that build one by
 * hand: each field the container injects ({@code @Inject}, or {@code @Resource} for what it looks up), the
 * bean's own and its superclasses', is set from the dependencies given, matched by type. A bean the container would not have wired whole is refused, so a test never
 * runs one with a field left null.
 */
public final class Injection {

    private Injection() {
    }

    /**
     * Sets each injected field of {@code bean} to the one dependency that is an instance of its type.
     *
     * @return {@code bean}, wired
     * @throws IllegalArgumentException a dependency fits no injected field, or more than one; two
     *                                  dependencies fit one field
     * @throws IllegalStateException    an injected field is left without a dependency
     */
    public static <T> T into(T bean, Object... dependencies) {
        Objects.requireNonNull(bean, "bean");
        List<Field> fields = injectedFields(bean.getClass());
        Map<Field, Object> wiring = new LinkedHashMap<>();
        for (Object dependency : dependencies) {
            Objects.requireNonNull(dependency, () -> "a null dependency for " + bean.getClass().getName());
            List<Field> fitting = fields.stream().filter(field -> field.getType().isInstance(dependency)).toList();
            if (fitting.isEmpty()) {
                throw new IllegalArgumentException("The dependency " + dependency.getClass().getName()
                        + " fits no injected field of " + bean.getClass().getName());
            }
            if (fitting.size() > 1) {
                throw new IllegalArgumentException("The dependency " + dependency.getClass().getName()
                        + " fits more than one injected field of " + bean.getClass().getName() + ": " + names(fitting));
            }
            Object earlier = wiring.putIfAbsent(fitting.getFirst(), dependency);
            if (earlier != null) {
                throw new IllegalArgumentException("Two dependencies fit the injected field " + name(fitting.getFirst())
                        + ": " + earlier.getClass().getName() + " and " + dependency.getClass().getName());
            }
        }
        List<Field> unset = fields.stream().filter(field -> !wiring.containsKey(field)).toList();
        if (!unset.isEmpty()) {
            throw new IllegalStateException("No dependency given for the injected field(s) " + names(unset));
        }
        wiring.forEach((field, dependency) -> set(bean, field, dependency));
        return bean;
    }

    /** The types of the injected fields of {@code type}, for whoever resolves them itself. */
    public static List<Class<?>> dependencyTypes(Class<?> type) {
        return injectedFields(type).stream().<Class<?>>map(Field::getType).toList();
    }

    private static List<Field> injectedFields(Class<?> type) {
        List<Field> fields = new ArrayList<>();
        for (Class<?> declaring = type; declaring != null; declaring = declaring.getSuperclass()) {
            for (Field field : declaring.getDeclaredFields()) {
                if ((field.isAnnotationPresent(Inject.class) || field.isAnnotationPresent(Resource.class))
                        && !Modifier.isStatic(field.getModifiers())) {
                    fields.add(field);
                }
            }
        }
        return fields;
    }

    private static void set(Object bean, Field field, Object dependency) {
        try {
            field.setAccessible(true);
            field.set(bean, dependency);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("Cannot set the injected field " + name(field), e);
        }
    }

    private static String names(List<Field> fields) {
        return fields.stream().map(Injection::name).collect(Collectors.joining(", "));
    }

    private static String name(Field field) {
        return field.getDeclaringClass().getSimpleName() + "." + field.getName() + " (" + field.getType().getName() + ")";
    }
}
