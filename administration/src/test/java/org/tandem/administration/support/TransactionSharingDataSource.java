package org.tandem.administration.support;

import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;

/**
 * What WildFly's JTA datasource does for plain JDBC repositories called inside a service's
 * transaction: while the entity manager's transaction is active, every connection asked for is that
 * transaction's own (closing it only gives it back), so JDBC writes see what the transaction did
 * first, such as the home-node mark. Outside a transaction, connections come from the database's pool.
 */
final class TransactionSharingDataSource implements DataSource {

    private final DataSource pool;
    private final EntityManager entityManager;

    TransactionSharingDataSource(DataSource pool, EntityManager entityManager) {
        this.pool = pool;
        this.entityManager = entityManager;
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (!entityManager.getTransaction().isActive()) {
            return pool.getConnection();
        }
        Connection shared = entityManager.unwrap(Session.class).doReturningWork(connection -> connection);
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[]{Connection.class},
                (self, method, arguments) -> {
                    if (method.getName().equals("close")) {
                        return null;
                    }
                    try {
                        return method.invoke(shared, arguments);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("the test database has one login");
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return pool.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        pool.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        pool.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return pool.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return pool.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return pool.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return pool.isWrapperFor(type);
    }
}
