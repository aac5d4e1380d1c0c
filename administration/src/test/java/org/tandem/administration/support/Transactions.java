package org.tandem.administration.support;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityTransaction;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;

/**
 * What {@code @Transactional} does in the container, for services called from plain tests: each call
 * of the interface runs in a transaction of its own, committed when it returns and rolled back when it
 * throws an unchecked exception (as JTA's default), with a fresh persistence context afterwards.
 */
final class Transactions {

    private Transactions() {
    }

    static <T> T around(Class<T> api, T service, EntityManager entityManager) {
        Object proxy = Proxy.newProxyInstance(api.getClassLoader(), new Class<?>[]{api}, (self, method, arguments) -> {
            synchronized (entityManager) {
                EntityTransaction transaction = entityManager.getTransaction();
                transaction.begin();
                try {
                    Object result = method.invoke(service, arguments);
                    transaction.commit();
                    return result;
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                } finally {
                    if (transaction.isActive()) {
                        transaction.rollback();
                    }
                    entityManager.clear();
                }
            }
        });
        return api.cast(proxy);
    }
}
