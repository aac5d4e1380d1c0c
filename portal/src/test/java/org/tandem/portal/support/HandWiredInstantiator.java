package org.tandem.portal.support;

import com.vaadin.flow.di.DefaultInstantiator;
import com.vaadin.flow.server.VaadinService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.tandem.testsupport.beans.Injection;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * CDI in miniature, for browserless tests: what vaadin-cdi's instantiator does on WildFly, reduced to
 * what the portal uses. A view with an {@code @Inject} constructor is built through it, each parameter
 * resolved the same way; a bean with injected fields is built empty and then wired by {@link Injection},
 * each field resolved the same way; an {@code @ApplicationScoped} class is built once; the test's own
 * beans (the node's services) are given up front. Anything else is Vaadin's business and goes to
 * {@link DefaultInstantiator}.
 */
final class HandWiredInstantiator extends DefaultInstantiator {

    private final Map<Class<?>, Object> singletons = new ConcurrentHashMap<>();

    HandWiredInstantiator(VaadinService service, Map<Class<?>, Object> givenBeans) {
        super(service);
        singletons.putAll(givenBeans);
    }

    @Override
    public <T> T getOrCreate(Class<T> type) {
        Object single = singletons.get(type);
        if (single != null) {
            return type.cast(single);
        }
        Optional<Constructor<?>> injectable = Arrays.stream(type.getConstructors())
                .filter(constructor -> constructor.isAnnotationPresent(Inject.class))
                .findFirst();
        List<Class<?>> fieldTypes = Injection.dependencyTypes(type);
        if (injectable.isEmpty() && fieldTypes.isEmpty()) {
            return super.getOrCreate(type);
        }
        T made = injectable.isPresent() ? type.cast(construct(injectable.get()))
                : Injection.into(super.getOrCreate(type), fieldTypes.stream().map(this::getOrCreate).toArray());
        if (type.isAnnotationPresent(ApplicationScoped.class)) {
            Object raced = singletons.putIfAbsent(type, made);
            return raced == null ? made : type.cast(raced);
        }
        return made;
    }

    private Object construct(Constructor<?> constructor) {
        Object[] arguments = Arrays.stream(constructor.getParameterTypes()).map(this::getOrCreate).toArray();
        try {
            return constructor.newInstance(arguments);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + constructor.getDeclaringClass(), e);
        }
    }
}
