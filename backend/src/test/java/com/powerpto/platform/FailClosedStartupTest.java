package com.powerpto.platform;

import com.powerpto.PowerPtoApplication;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16 (1): a process started without ENVIRONMENT must not fall back to development. This
 * starts the real main class in a child JVM (the jar's entry point, on the test class path) with
 * ENVIRONMENT removed, and also with the command line and ENV lines of backend/Dockerfile.
 */
class FailClosedStartupTest {

    private static final String ONE_LINE = "power-pto cannot start: ENVIRONMENT is required";

    @Test
    void everyModeRefusesToStartWithoutEnvironmentWithOneLine() throws Exception {
        for (String mode : List.of("api", "worker", "migrate")) {
            Run run = start(List.of(mode), Map.of());
            assertThat(run.exitCode).as(mode).isEqualTo(2);
            assertThat(run.lines()).as(mode).singleElement().asString().startsWith(ONE_LINE);
        }
    }

    @Test
    void theDockerfileCommandLineWithItsEnvLinesRefusesToo() throws Exception {
        String dockerfile = Files.readString(dockerfile());
        List<String> command = new ArrayList<>(jsonArray(dockerfile, "ENTRYPOINT"));
        command.addAll(jsonArray(dockerfile, "CMD"));
        Map<String, String> env = envLines(dockerfile);
        assertThat(env).doesNotContainKey("ENVIRONMENT");
        // java [JVM options, e.g. the class archive] -jar /app/power-pto.jar <CMD>: the image runs the
        // extracted jar, whose Main-Class is this main class (decision 0066).
        int jar = command.indexOf("-jar");
        assertThat(command.get(0)).isEqualTo("java");
        assertThat(command.subList(1, jar)).allSatisfy(option -> assertThat(option).startsWith("-X"));
        assertThat(command.get(jar + 1)).isEqualTo("/app/power-pto.jar");
        Run run = start(command.subList(jar + 2, command.size()), env);
        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.lines()).singleElement().asString().startsWith(ONE_LINE);
    }

    @Test
    void anUnknownEnvironmentIsRefusedAndPtoEnvironmentCannotStandIn() throws Exception {
        Run run = start(List.of("api"), Map.of("PTO_ENVIRONMENT", "development"));
        assertThat(run.lines()).singleElement().asString().startsWith(ONE_LINE);
        Run unknown = start(List.of("api"), Map.of("ENVIRONMENT", "dev"));
        assertThat(unknown.exitCode).isEqualTo(2);
        assertThat(unknown.lines()).singleElement().asString().contains("ENVIRONMENT must be development, staging or production");
    }

    /**
     * Issue 25, finding 4: ENVIRONMENT was checked in the process environment, but Spring decided
     * from its resolved property, so SPRING_APPLICATION_JSON={"ENVIRONMENT":"development"} turned a
     * production process into development (development headers honoured). Now the process
     * environment alone decides, and another source that disagrees stops the process.
     */
    @Test
    void anotherSourceThatDisagreesWithTheProcessEnvironmentStopsTheProcess() throws Exception {
        Map<String, String> production = Map.of("ENVIRONMENT", "production",
                "DATABASE_URL", "postgresql://nobody:nothing@127.0.0.1:1/none",
                "JWT_SECRET", "a-production-secret-of-sufficient-length-0123456789",
                "PAYROLL_WEBHOOK_SECRET", "a-payroll-secret");
        Map<String, String> json = new java.util.HashMap<>(production);
        json.put("SPRING_APPLICATION_JSON", "{\"ENVIRONMENT\":\"development\"}");
        Run run = start(List.of("api"), json);
        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.lines()).singleElement().asString().startsWith("power-pto cannot start: ENVIRONMENT is 'production'")
                .contains("SPRING_APPLICATION_JSON");

        Run property = start(List.of("-DENVIRONMENT=development"), List.of("api"), production);
        assertThat(property.exitCode).isEqualTo(2);
        assertThat(property.lines()).singleElement().asString().contains("system property");
        Run commandLine = start(List.of("api", "--ENVIRONMENT=development"), production);
        assertThat(commandLine.exitCode).isEqualTo(2);
        assertThat(commandLine.lines()).singleElement().asString().contains("command line");
    }

    /**
     * The Spring layer refuses too, whatever started it (an embedded start that skipped main's
     * check): here the command line, which Spring reads before the process environment.
     */
    @Test
    void theSpringLayerRefusesAnEnvironmentPropertyThatDisagreesWithTheProcess() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> {
            try (var started = new org.springframework.boot.builder.SpringApplicationBuilder(PowerPtoApplication.class)
                    .web(org.springframework.boot.WebApplicationType.NONE).run("--ENVIRONMENT=production")) {
                assertThat(started.getEnvironment().getProperty("pto.environment")).isEqualTo("development");
            }
        }).hasStackTraceContaining("only the process environment decides");
    }

    private record Run(int exitCode, String stdout, String stderr) {
        /** Everything printed, less the JVM's own notice about JAVA_TOOL_OPTIONS (not ours to silence). */
        List<String> lines() {
            List<String> lines = new ArrayList<>();
            for (String line : (stdout + stderr).split("\n")) {
                if (!line.isBlank() && !line.startsWith("Picked up JAVA_TOOL_OPTIONS")) {
                    lines.add(line);
                }
            }
            return lines;
        }
    }

    private static Run start(List<String> args, Map<String, String> extraEnv) throws IOException, InterruptedException {
        return start(List.of(), args, extraEnv);
    }

    private static Run start(List<String> jvmOptions, List<String> args, Map<String, String> extraEnv)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), PowerPtoApplication.class.getName()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("ENVIRONMENT");
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().putAll(extraEnv);
        Path out = Files.createTempFile("fail-closed", ".out");
        Path err = Files.createTempFile("fail-closed", ".err");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the process did not exit: it started without ENVIRONMENT");
        }
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    private static Path dockerfile() {
        Path here = Path.of("").toAbsolutePath();
        Path candidate = here.resolve("Dockerfile");
        return Files.exists(candidate) ? candidate : here.resolve("backend").resolve("Dockerfile");
    }

    private static List<String> jsonArray(String dockerfile, String instruction) {
        Matcher m = Pattern.compile("(?m)^" + instruction + "\\s+\\[(.*)]\\s*$").matcher(dockerfile);
        assertThat(m.find()).as(instruction).isTrue();
        List<String> values = new ArrayList<>();
        Matcher item = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(m.group(1));
        while (item.find()) {
            values.add(item.group(1));
        }
        return values;
    }

    /** The runtime stage's ENV lines (continuations joined); ${APP_VERSION} stands for its ARG default. */
    private static Map<String, String> envLines(String dockerfile) {
        String runtime = dockerfile.substring(dockerfile.lastIndexOf("\nFROM "));
        String joined = runtime.replace("\\\n", " ");
        Map<String, String> env = new LinkedHashMap<>();
        Matcher line = Pattern.compile("(?m)^ENV\\s+(.*)$").matcher(joined);
        while (line.find()) {
            Matcher pair = Pattern.compile("([A-Z_][A-Z0-9_]*)=(\"[^\"]*\"|\\S+)").matcher(line.group(1));
            while (pair.find()) {
                String value = pair.group(2).replaceAll("^\"|\"$", "");
                env.put(pair.group(1), value.replace("${APP_VERSION}", "dev"));
            }
        }
        assertThat(env).containsKeys("JAVA_TOOL_OPTIONS", "PORT");
        return env;
    }
}
