package dev.certa.store.sqlite;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Keeps a SQLite connection's prepared statements for reuse. sqlite-jdbc compiles the SQL again on
 * every {@code prepareStatement} (about 15 µs, plus reading the column names), and the store prepares
 * a statement for every query: under the ACME load benchmark that was ~9% of the server's CPU.
 *
 * <p>{@code prepareStatement(sql)} on a wrapped connection returns the statement prepared for the same
 * text before, if it is not in use; its {@code close()} clears its parameters and batch and keeps it
 * (sqlite-jdbc resets a statement when its result set is closed and after each update, so a kept
 * statement holds no read transaction open). A statement asked for while one with the same text is in
 * use (a nested query) is a fresh, uncached one. At most {@link #MAX} statements per connection are kept,
 * the least recently used closed first; closing the connection closes them all. Connections are
 * used by one thread at a time (the single writer, or a pooled reader), so nothing here is locked.
 */
final class StatementCache implements InvocationHandler {
    static final int MAX = 64;
    private final Connection connection;
    private final Map<String, Kept> statements = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Kept> eldest) {
            if (size() <= MAX) {
                return false;
            }
            eldest.getValue().closeQuietly();
            return true;
        }
    };

    private StatementCache(Connection connection) {
        this.connection = connection;
    }

    /** {@code connection}, keeping the statements prepared through it. */
    static Connection wrap(Connection connection) {
        return (Connection) Proxy.newProxyInstance(StatementCache.class.getClassLoader(), new Class<?>[] {Connection.class},
                new StatementCache(connection));
    }

    /** A data source whose connections keep their statements. */
    static DataSource wrap(DataSource dataSource) {
        return new CachingDataSource(dataSource);
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        String name = method.getName();
        if (name.equals("prepareStatement") && args != null && args.length == 1 && args[0] instanceof String sql) {
            return prepare(sql);
        }
        if (name.equals("close")) {
            statements.values().forEach(Kept::closeQuietly);
            statements.clear();
        } else if (name.equals("unwrap") && args != null && args[0] instanceof Class<?> c && c.isInstance(connection)) {
            return connection;
        }
        try {
            return method.invoke(connection, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private PreparedStatement prepare(String sql) throws SQLException {
        Kept e = statements.get(sql);
        if (e != null && e.inUse) {
            return connection.prepareStatement(sql); // a nested use of the same query: not cached
        }
        if (e == null || e.statement.isClosed()) {
            e = new Kept(connection.prepareStatement(sql));
            statements.put(sql, e);
        }
        return e.lease();
    }

    /** A kept statement, and whether a caller holds it. */
    private static final class Kept {
        final PreparedStatement statement;
        boolean inUse;

        Kept(PreparedStatement statement) {
            this.statement = statement;
        }

        /** What one caller gets: the statement, except that closing it releases it (once) instead. */
        PreparedStatement lease() {
            inUse = true;
            return (PreparedStatement) Proxy.newProxyInstance(StatementCache.class.getClassLoader(),
                    new Class<?>[] {PreparedStatement.class}, new Lease(this));
        }

        void release() throws SQLException {
            inUse = false;
            if (!statement.isClosed()) {
                statement.clearParameters();
                statement.clearBatch();
                statement.clearWarnings();
            }
        }

        void closeQuietly() {
            try {
                statement.close();
            } catch (SQLException e) {
                // the connection is going away, or the statement already went
            }
        }
    }

    private static final class Lease implements InvocationHandler {
        private final Kept entry;
        private boolean released;

        Lease(Kept entry) {
            this.entry = entry;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "close" -> {
                    if (!released) {
                        released = true;
                        entry.release();
                    }
                    return null;
                }
                case "isClosed" -> {
                    return released || entry.statement.isClosed();
                }
                case "toString" -> {
                    return (released ? "released " : "") + entry.statement;
                }
                case "equals" -> {
                    return proxy == args[0];
                }
                case "hashCode" -> {
                    return System.identityHashCode(proxy);
                }
                default -> {
                    if (released) {
                        throw new SQLException("statement is closed");
                    }
                    try {
                        return method.invoke(entry.statement, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                }
            }
        }
    }

    private record CachingDataSource(DataSource delegate) implements DataSource {
        @Override
        public Connection getConnection() throws SQLException {
            return wrap(delegate.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return wrap(delegate.getConnection(username, password));
        }

        @Override
        public PrintWriter getLogWriter() throws SQLException {
            return delegate.getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) throws SQLException {
            delegate.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            delegate.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return delegate.getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            return delegate.getParentLogger();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            return iface.isInstance(delegate) ? iface.cast(delegate) : delegate.unwrap(iface);
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) throws SQLException {
            return iface.isInstance(delegate) || delegate.isWrapperFor(iface);
        }
    }
}
