package org.habeas.custody.roll.internal;

import java.io.PrintStream;
import java.util.Set;
import java.util.UUID;

import org.habeas.access.HabeasUser;
import org.habeas.access.Role;
import org.habeas.custody.ConsistencyReport;
import org.habeas.custody.roll.RollCall;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The consistency check as a command: {@code java -jar habeas.jar --habeas.command=consistency-check}
 * starts without serving anyone ({@link CommandEnvironment}), recomputes whereabouts and occupancy from the ledger
 * against the configured database, prints the report and exits 0 when there is no difference, 1 otherwise.
 */
@Component
public class ConsistencyCheckCommand implements ApplicationRunner {

    static final String NAME = "consistency-check";
    public static final int CONSISTENT = 0;
    public static final int DIFFERENCES_FOUND = 1;

    // The check reads every facility: it runs as an inspector who sees them all, named "system" in any record.
    private static final HabeasUser CHECKER = new HabeasUser(new UUID(0, 0), "system", "Consistency check",
            Set.of(Role.INSPECTOR), Set.of(), true, false, null);

    private final RollCall rollCall;
    private final ConfigurableApplicationContext context;
    private final String command;

    ConsistencyCheckCommand(RollCall rollCall, ConfigurableApplicationContext context,
                            @Value("${habeas.command:}") String command) {
        this.rollCall = rollCall;
        this.context = context;
        this.command = command;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (NAME.equals(command)) {
            int code = execute(System.out);
            System.exit(SpringApplication.exit(context, () -> code));
        }
    }

    /** Runs the check, prints the report to {@code out}; answers the process exit code. */
    public int execute(PrintStream out) {
        var previous = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(CHECKER, null, CHECKER.getAuthorities()));
        try {
            ConsistencyReport report = rollCall.check();
            out.printf("Consistency check at %s: %d people in custody, %d locations checked%n", report.checkedAt(),
                    report.peopleInCustody(), report.locationsChecked());
            report.differences().forEach(d -> out.println("DIFFERENCE " + d));
            out.println(report.consistent() ? "CONSISTENT: the stored whereabouts and occupancy equal the ledger"
                    : "INCONSISTENT: " + report.differences().size() + " difference(s)");
            return report.consistent() ? CONSISTENT : DIFFERENCES_FOUND;
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }
}
