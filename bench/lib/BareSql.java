import java.io.Closeable;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.habeas.HabeasApplication;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * "The bare SQL" of a service call, by construction: the statements the call itself sent, not a copy of them.
 *
 * <p>{@link #install} wraps the application's {@link DataSource} bean (a bean post-processor added before any bean
 * is made). While {@link #record} runs a call on this thread, every connection the call takes is wrapped too, and
 * every statement it prepares is written down: the connection method and arguments that made it (its SQL text),
 * then every parameter setting, batch and execution, in order, with the values the application bound. Outside
 * {@code record} the wrapper hands out the pool's own connections, so timed service calls pay nothing for it.
 *
 * <p>{@link #replay} sends exactly those statements again with plain JDBC on one connection from the same pool, in
 * one transaction that is rolled back (so a recorded write can be replayed as often as needed and leaves nothing
 * behind), reading every column of every row it gets back, and answers the time of each statement. What it leaves
 * out is everything that is not SQL: Spring's proxies and transaction handling, the repositories' row mapping, the
 * services' Java work, security, the journal's Java side (its INSERT is replayed), HTTP where there was some.
 *
 * <p>Only the recording thread's statements are recorded: work the call hands to another thread is not. Savepoints
 * are not recorded either, so a call one of whose statements failed (and was rolled back to a savepoint) cannot be
 * replayed; nor can the writes of a call that committed them ({@link Recording#reads} leaves them out).
 */
public final class BareSql {

    private static final ThreadLocal<Recording> RECORDING = new ThreadLocal<>();

    private final DataSource pool;

    private BareSql(DataSource pool) {
        this.pool = pool;
    }

    // ---- set-up

    /** Adds the recorder to an application that is about to run. */
    public static SpringApplication install(SpringApplication application) {
        application.addInitializers(context -> context.getBeanFactory().addBeanPostProcessor(new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof DataSource dataSource && !isRecorder(bean) ? recorder(dataSource) : bean;
            }
        }));
        return application;
    }

    /** The recorder of an application started with {@link #install}. */
    public static BareSql of(ConfigurableApplicationContext context) {
        Object dataSource = context.getBean(DataSource.class);
        if (!isRecorder(dataSource)) {
            throw new IllegalStateException("the application was not started with BareSql.install");
        }
        return new BareSql(((Recorder) Proxy.getInvocationHandler(dataSource)).pool);
    }

    /**
     * Starts Habeas in this JVM on the database of a Habeas server already running (its embedded PostgreSQL at
     * {@code jdbcUrl}, its data directory {@code serverData}), with the recorder, to record what its services send
     * there. It signs journal checkpoints with the server's key and copies them to the server's witness file, so
     * the two are one installation with two instances (which Habeas allows: one sealer at a time across instances),
     * and its own scheduled sealer waits an hour after its first run. Its own data directory is a temporary one.
     */
    public static ConfigurableApplicationContext attach(String jdbcUrl, Path serverData, String... more)
            throws Exception {
        Path own = Files.createTempDirectory("habeas-bench-client-");
        List<String> args = new ArrayList<>(List.of("--habeas.db.url=" + jdbcUrl, "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=postgres", "--habeas.data-dir=" + own,
                "--habeas.journal.signing-key=" + Files.readString(serverData.resolve("journal-signing-key.pem")),
                "--habeas.journal.witness-file=" + serverData.resolve("journal-witness.jsonl"),
                "--habeas.journal.seal-interval-ms=3600000", "--server.port=0", "--logging.level.root=WARN",
                "--spring.main.banner-mode=off"));
        args.addAll(List.of(more));
        ConfigurableApplicationContext context = install(new SpringApplication(HabeasApplication.class))
                .run(args.toArray(String[]::new));
        context.addApplicationListener(event -> {
            if (event instanceof org.springframework.context.event.ContextClosedEvent) {
                try (var files = Files.walk(own)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                } catch (Exception ignored) {
                    // a temporary directory left behind
                }
            }
        });
        return context;
    }

    // ---- recording

    /** The statements one call sent, in the order it prepared them. */
    public static final class Recording {
        private final List<Sent> statements = new ArrayList<>();
        private final Map<Object, ArrayValue> arrays = new IdentityHashMap<>();

        public int size() {
            return statements.size();
        }

        /** A short name for statement {@code i} ("SELECT … FROM whereabouts", "INSERT INTO movement", "SET …"). */
        public String label(int i) {
            return statements.get(i).label;
        }

        public List<String> labels() {
            return statements.stream().map(s -> s.label).toList();
        }

        /** The SQL text of statement {@code i}, as the application prepared it. */
        public String sql(int i) {
            return statements.get(i).sql;
        }

        /**
         * The same recording without its writes (keeps SELECTs, WITH queries that write nothing, SET and SHOW): for
         * a call whose writes committed, which cannot be sent twice.
         */
        public Recording reads() {
            Recording reads = new Recording();
            reads.arrays.putAll(arrays);
            for (Sent sent : statements) {
                String text = sent.sql == null ? "" : sent.sql.strip().toUpperCase(Locale.ROOT);
                boolean read = text.startsWith("SELECT") || text.startsWith("SET") || text.startsWith("SHOW")
                        || (text.startsWith("WITH") && !text.matches("(?s).*\\b(INSERT|UPDATE|DELETE)\\b.*"));
                if (read) {
                    reads.statements.add(sent);   // with the label it has here
                }
            }
            return reads;
        }

        private void add(Sent sent) {
            int same = 0;
            for (Sent s : statements) {
                if (s.baseLabel.equals(sent.baseLabel)) {
                    same++;
                }
            }
            sent.label = same == 0 ? sent.baseLabel : sent.baseLabel + " #" + (same + 1);
            statements.add(sent);
        }
    }

    /** Runs {@code call} on this thread and answers the statements it sent. */
    public Recording record(Runnable call) {
        if (RECORDING.get() != null) {
            throw new IllegalStateException("already recording");
        }
        Recording recording = new Recording();
        RECORDING.set(recording);
        try {
            call.run();
        } finally {
            RECORDING.remove();
        }
        return recording;
    }

    private record Op(Method method, Object[] args) {
        boolean executes() {
            return method.getName().startsWith("execute");
        }
    }

    private record ArrayValue(String type, Object[] elements) {
    }

    private static final class Sent {
        final Method make;          // Connection.prepareStatement / prepareCall / createStatement
        final Object[] makeArgs;
        final String sql;           // null for a plain Statement: its SQL is in its execute calls
        final String baseLabel;
        final List<Op> ops = new ArrayList<>();
        String label;

        Sent(Method make, Object[] makeArgs, String sql) {
            this.make = make;
            this.makeArgs = makeArgs;
            this.sql = sql;
            this.baseLabel = sql == null ? "statement" : label(sql);
        }
    }

    // ---- replay

    /**
     * Sends {@code recording}'s statements again on one connection of the pool, in one transaction rolled back at
     * the end, and answers the nanoseconds each took (preparing, binding, executing and reading every row).
     */
    public long[] replay(Recording recording) {
        long[] nanos = new long[recording.size()];
        try (Connection c = pool.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                for (int i = 0; i < nanos.length; i++) {
                    long t = System.nanoTime();
                    send(c, recording.statements.get(i), recording, null, null);
                    nanos[i] = System.nanoTime() - t;
                }
            } finally {
                c.rollback();
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return nanos;
    }

    /**
     * The plan of statement {@code i} as PostgreSQL runs it with the recorded values: the statements before it are
     * replayed first (so SET LOCALs apply), then {@code EXPLAIN (ANALYZE, BUFFERS, ...)} of it; rolled back.
     */
    public List<String> explain(Recording recording, int i, String options) {
        List<String> plan = new ArrayList<>();
        try (Connection c = pool.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                for (int k = 0; k < i; k++) {
                    send(c, recording.statements.get(k), recording, null, null);
                }
                send(c, recording.statements.get(i), recording, "EXPLAIN (" + options + ") ", plan);
            } finally {
                c.rollback();
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return plan;
    }

    /** The index of the statement that takes longest over a few replays of {@code recording}. */
    public int slowest(Recording recording) {
        long[] nanos = new long[recording.size()];
        for (int run = 0; run < 3; run++) {
            long[] each = replay(recording);
            for (int i = 0; i < nanos.length; i++) {
                nanos[i] += each[i];
            }
        }
        return slowest(nanos);
    }

    /** The index of the statement that took longest in {@code nanos} (from {@link #replay}). */
    public static int slowest(long[] nanos) {
        int slowest = 0;
        for (int i = 1; i < nanos.length; i++) {
            if (nanos[i] > nanos[slowest]) {
                slowest = i;
            }
        }
        return slowest;
    }

    /** Sends one recorded statement; with {@code explain} (an EXPLAIN prefix), its plan into {@code plan}. */
    private static void send(Connection c, Sent sent, Recording recording, String explain, List<String> plan)
            throws SQLException {
        Object[] makeArgs = sent.makeArgs.clone();
        if (explain != null) {
            if (sent.sql == null) {
                plan.add("(a plain Statement: not explained)");
                return;
            }
            makeArgs[0] = explain + makeArgs[0];
        }
        Statement statement = (Statement) invoke(c, sent.make, makeArgs);
        try {
            for (Op op : sent.ops) {
                Object[] args = op.args.clone();
                for (int k = 0; k < args.length; k++) {
                    if (args[k] instanceof ArrayValue array) {
                        args[k] = c.createArrayOf(array.type(), array.elements());
                    }
                }
                if (explain != null && op.executes()) {
                    // The plan instead of the rows: once, for the statement's first execution.
                    try (ResultSet rs = ((PreparedStatement) statement).executeQuery()) {
                        while (rs.next()) {
                            plan.add(rs.getString(1));
                        }
                    }
                    return;
                }
                Object result = invoke(statement, op.method, args);
                if (op.executes()) {
                    consume(statement, result);
                }
            }
        } finally {
            statement.close();
        }
    }

    private static void consume(Statement statement, Object result) throws SQLException {
        if (result instanceof ResultSet rs) {
            readAll(rs);
        } else if (result instanceof Boolean hasResults) {
            boolean more = hasResults;
            while (true) {
                if (more) {
                    readAll(statement.getResultSet());
                } else if (statement.getUpdateCount() == -1) {
                    break;
                }
                more = statement.getMoreResults();
            }
        }
    }

    private static void readAll(ResultSet rs) throws SQLException {
        try (rs) {
            int columns = rs.getMetaData().getColumnCount();
            long sink = 0;
            while (rs.next()) {
                for (int k = 1; k <= columns; k++) {
                    Object value = rs.getObject(k);
                    sink += value == null ? 0 : 1;
                }
            }
            if (sink == Long.MIN_VALUE) {
                System.out.print("");
            }
        }
    }

    private static Object invoke(Object target, Method method, Object[] args) throws SQLException {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            throw new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- labels

    /**
     * "SELECT … FROM whereabouts": the verb and the first table of the statement's outermost FROM (INTO for an
     * INSERT, the table of an UPDATE); a SET or other short command as written.
     */
    static String label(String sql) {
        String text = sql.strip().replaceAll("\\s+", " ");
        String verb = text.split("[ (]", 2)[0].toUpperCase(Locale.ROOT);
        String keyword = switch (verb) {
            case "SELECT", "WITH", "DELETE" -> "FROM";
            case "INSERT" -> "INTO";
            case "UPDATE" -> "UPDATE";
            default -> null;
        };
        if (keyword == null) {
            return text.length() <= 60 ? text : text.substring(0, 59) + "…";
        }
        int depth = 0;
        String upper = text.toUpperCase(Locale.ROOT);
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '(') {
                depth++;
            } else if (ch == ')') {
                depth--;
            } else if (ch == '\'') {
                i = text.indexOf('\'', i + 1);
                if (i < 0) {
                    break;
                }
            } else if (depth == 0 && upper.startsWith(keyword + " ", i) && (i == 0 || text.charAt(i - 1) == ' ')
                    && (!keyword.equals("UPDATE") || i == 0)) {
                String rest = text.substring(i + keyword.length() + 1);
                String table = rest.split("[ (,;]", 2)[0];
                return switch (verb) {
                    case "INSERT" -> "INSERT INTO " + table;
                    case "UPDATE" -> "UPDATE " + table;
                    default -> verb + " … FROM " + table;
                };
            }
        }
        return text.length() <= 50 ? text : text.substring(0, 49) + "…";   // a SELECT of no table: as written
    }

    // ---- the wrappers

    private static boolean isRecorder(Object bean) {
        return Proxy.isProxyClass(bean.getClass()) && Proxy.getInvocationHandler(bean) instanceof Recorder;
    }

    private static DataSource recorder(DataSource pool) {
        return (DataSource) Proxy.newProxyInstance(BareSql.class.getClassLoader(),
                new Class<?>[] {DataSource.class, Closeable.class}, new Recorder(pool));
    }

    private static Object common(Object proxy, Method method, Object[] args) {
        return switch (method.getName()) {
            case "equals" -> proxy == args[0];
            case "hashCode" -> System.identityHashCode(proxy);
            default -> null;
        };
    }

    private static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** The DataSource bean: the pool's own connections, wrapped while this thread records. */
    private static final class Recorder implements InvocationHandler {
        final DataSource pool;

        Recorder(DataSource pool) {
            this.pool = pool;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (method.getName().equals("equals") || method.getName().equals("hashCode")) {
                return common(proxy, method, args);
            }
            if (method.getName().equals("toString") && method.getParameterCount() == 0) {
                return "BareSql(" + pool + ")";
            }
            if (method.getDeclaringClass() == Closeable.class || method.getDeclaringClass() == AutoCloseable.class) {
                if (pool instanceof AutoCloseable closeable) {
                    closeable.close();
                }
                return null;
            }
            Object result = call(pool, method, args);
            Recording recording = RECORDING.get();
            if (recording != null && result instanceof Connection connection) {
                return Proxy.newProxyInstance(BareSql.class.getClassLoader(), new Class<?>[] {Connection.class},
                        new RecordingConnection(connection, recording));
            }
            return result;
        }
    }

    private static final Set<String> MAKERS = Set.of("prepareStatement", "prepareCall", "createStatement");

    private static final class RecordingConnection implements InvocationHandler {
        final Connection connection;
        final Recording recording;

        RecordingConnection(Connection connection, Recording recording) {
            this.connection = connection;
            this.recording = recording;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (method.getName().equals("equals") || method.getName().equals("hashCode")) {
                return common(proxy, method, args);
            }
            Object result = call(connection, method, args);
            if (MAKERS.contains(method.getName())) {
                Object[] made = args == null ? new Object[0] : args.clone();
                Sent sent = new Sent(method, made, method.getName().equals("createStatement") ? null
                        : (String) made[0]);
                recording.add(sent);
                Class<?> type = result instanceof CallableStatement ? CallableStatement.class
                        : result instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
                return Proxy.newProxyInstance(BareSql.class.getClassLoader(), new Class<?>[] {type},
                        new RecordingStatement((Statement) result, sent, recording, (Connection) proxy));
            }
            if (method.getName().equals("createArrayOf")) {
                recording.arrays.put(result, new ArrayValue((String) args[0], ((Object[]) args[1]).clone()));
            }
            return result;
        }
    }

    private static final class RecordingStatement implements InvocationHandler {
        final Statement statement;
        final Sent sent;
        final Recording recording;
        final Connection connection;

        RecordingStatement(Statement statement, Sent sent, Recording recording, Connection connection) {
            this.statement = statement;
            this.sent = sent;
            this.recording = recording;
            this.connection = connection;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            if (name.equals("equals") || name.equals("hashCode")) {
                return common(proxy, method, args);
            }
            if (name.equals("getConnection")) {
                return connection;   // so arrays made through the statement's connection are recorded too
            }
            if (name.startsWith("set") || name.startsWith("execute") || name.equals("addBatch")
                    || name.equals("clearParameters") || name.equals("clearBatch")) {
                Object[] copy = args == null ? new Object[0] : args.clone();
                for (int k = 0; k < copy.length; k++) {
                    ArrayValue array = copy[k] == null ? null : recording.arrays.get(copy[k]);
                    if (array != null) {
                        copy[k] = array;
                    } else if (copy[k] instanceof Object[] values) {
                        copy[k] = values.clone();
                    } else if (copy[k] instanceof byte[] bytes) {
                        copy[k] = bytes.clone();
                    }
                }
                sent.ops.add(new Op(method, copy));
            }
            return call(statement, method, args);
        }
    }

    /** Counts per label over many recordings, for "where the bare SQL's time goes" lines. */
    public static final class Totals {
        private final Map<String, long[]> byLabel = new java.util.LinkedHashMap<>();

        public void add(Recording recording, long[] nanos) {
            for (int i = 0; i < nanos.length; i++) {
                long[] total = byLabel.computeIfAbsent(recording.label(i), k -> new long[2]);
                total[0] += nanos[i];
                total[1]++;
            }
        }

        /** label -> {total nanoseconds, how many times it ran}, in order of first appearance. */
        public Map<String, long[]> byLabel() {
            return byLabel;
        }
    }
}
