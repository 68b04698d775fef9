package com.powerpto;

import com.powerpto.platform.config.StartupCheck;
import com.powerpto.platform.process.ProcessMode;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.List;

/** One jar, several processes: the first argument or PTO_MODE picks api, worker, migrate, reconcile or all. */
@SpringBootApplication
public class PowerPtoApplication {

    public static void main(String[] args) {
        ProcessMode mode = ProcessMode.resolve(args, System.getenv("PTO_MODE"));
        List<String> problems = new java.util.ArrayList<>(StartupCheck.problems(System.getenv(), System.getProperties(), args));
        problems.addAll(StartupCheck.linkProblems(System.getenv(), mode.servesHttp()));
        if (!problems.isEmpty()) {
            System.err.println("power-pto cannot start: " + String.join("; ", problems));
            System.exit(2);
        }
        ConfigurableApplicationContext context = application(mode).run(args);
        if (mode.exitsWhenDone()) {
            System.exit(SpringApplication.exit(context, () -> mode.exitCode(context)));
        }
    }

    public static SpringApplication application(ProcessMode mode) {
        SpringApplication app = new SpringApplication(PowerPtoApplication.class);
        app.setDefaultProperties(mode.defaultProperties());
        if (!mode.servesHttp()) {
            app.setWebApplicationType(WebApplicationType.NONE);
        }
        return app;
    }
}
