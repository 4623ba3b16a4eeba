package dev.iamunit.junit.internal;

import dev.iamunit.IamUnitException;
import dev.iamunit.assertj.internal.PolicyAssertionError;
import dev.iamunit.eval.AssumeRoleParameters;
import dev.iamunit.eval.Evaluator;
import dev.iamunit.junit.IamPrincipal;
import dev.iamunit.junit.IamScenario;
import dev.iamunit.junit.IamTest;
import dev.iamunit.model.Account;
import dev.iamunit.model.Accounts;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.platform.commons.support.AnnotationSupport;
import org.opentest4j.MultipleFailuresError;

/**
 * The extension {@link IamTest} registers. Before each test it loads the sources (once per run,
 * in the root store), reads the scenario annotations and checks the principal, so that a mistake
 * fails the test before its body runs; it injects {@link IamScenario}, {@link Account} and
 * {@link Evaluator}; it turns a user's mistake raised inside a test into a failure without a stack
 * trace.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class IamUnitExtension implements BeforeEachCallback, ParameterResolver, TestExecutionExceptionHandler {

  private static final Namespace NAMESPACE = Namespace.create(IamUnitExtension.class);

  @Override
  public void beforeEach(ExtensionContext context) {
    scenario(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == IamScenario.class || type == Account.class || type == Evaluator.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    if (type == Evaluator.class) {
      return Evaluator.standard();
    }
    if (type == Account.class) {
      return account(context);
    }
    return scenario(context);
  }

  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
    if (throwable instanceof IamUnitException mistake) {
      throw Failures.failure(mistake.getMessage());
    }
    recordFailures(context, throwable);
    throw throwable;
  }

  /** Policy assertions that failed, alone or collected by soft assertions, go to the SARIF report. */
  private static void recordFailures(ExtensionContext context, Throwable throwable) {
    List<Throwable> failures = throwable instanceof MultipleFailuresError multiple ? multiple.getFailures() : List.of(throwable);
    for (Throwable failure : failures) {
      if (failure instanceof PolicyAssertionError policy && policy.statement().isPresent()) {
        coverage(context).recordFailure(testId(context), policy.getMessage(), policy.statement().get());
      }
    }
  }

  private static IamScenario scenario(ExtensionContext context) {
    return context.getStore(NAMESPACE).computeIfAbsent(
        IamScenario.class, type -> newScenario(context), IamScenario.class);
  }

  private static IamScenario newScenario(ExtensionContext context) {
    Accounts accounts = accounts(context);
    ScenarioSettings settings = ScenarioAnnotations.resolve(
        ScenarioAnnotations.elements(context.getTestMethod(), context.getRequiredTestClass()));
    ScenarioEvaluator evaluator = new ScenarioEvaluator(
        accounts, Evaluator.standard(), settings, Instant.now().truncatedTo(ChronoUnit.SECONDS),
        coverage(context), testId(context), projectRoot(context));
    settings.principal().ifPresent(evaluator::check);
    if (settings.assumedBy().isPresent()) {
      return assumedBy(evaluator, settings.assumedBy().get(), settings.principal().orElseThrow());
    }
    // A permission set's session is the session of the role provisioned in its account, once that is known.
    return new DefaultIamScenario(evaluator, settings.principal().map(evaluator::placed));
  }

  /**
   * {@code @AsRole(assumedBy)}: the user assumes the role by the one rule of {@code
   * scenario.assume} (RoleAssumption), or the test fails before its body runs.
   */
  private static IamScenario assumedBy(ScenarioEvaluator evaluator, String userName, IamPrincipal role) {
    String roleName = role.roleName().orElseThrow();
    String roleArn = evaluator.caller(role).principalArn();
    ScenarioEvaluator.Assumed assumed = evaluator.assume(IamPrincipal.user(userName), roleArn,
        AssumeRoleParameters.sessionName(role.sessionName().orElseThrow()),
        "@AsRole(\"" + roleName + "\", assumedBy = \"" + userName + "\"): ");
    return new DefaultIamScenario(assumed.evaluator(), Optional.of(assumed.principal()));
  }

  /** {@code ForceMfaTest.ec2IsBlockedUntilMfa()}: how reports name the test that made a decision. */
  private static String testId(ExtensionContext context) {
    String method = context.getTestMethod().map(m -> m.getName() + "()").orElse(context.getDisplayName());
    return context.getRequiredTestClass().getSimpleName() + "." + method
        + (context.getDisplayName().startsWith("[") ? " " + context.getDisplayName() : "");
  }

  private static CoverageSession coverage(ExtensionContext context) {
    ExtensionContext.Store store = context.getRoot().getStore(NAMESPACE);
    return store.computeIfAbsent(CoverageSession.class, type -> new CoverageSession(
        projectRoot(context).resolve(context.getConfigurationParameter(IamTest.COVERAGE_DIRECTORY_PROPERTY_NAME).orElse("target/iamunit")),
        context.getConfigurationParameter(IamTest.COVERAGE_ENABLED_PROPERTY_NAME).map(Boolean::parseBoolean).orElse(true),
        context.getConfigurationParameter(IamTest.COVERAGE_DECISIONS_PROPERTY_NAME).map(Boolean::parseBoolean).orElse(false)),
        CoverageSession.class);
  }

  /** The folder {@code @IamTest} and {@code @PolicyCases} paths are relative to. */
  static Path projectRoot(ExtensionContext context) {
    return context.getConfigurationParameter(IamTest.PROJECT_ROOT_PROPERTY_NAME).map(Path::of).orElse(Path.of("")).toAbsolutePath().normalize();
  }

  private static Account account(ExtensionContext context) {
    return accounts(context).home();
  }

  /** The accounts of the test's sources, each in the run's coverage inventory. */
  private static Accounts accounts(ExtensionContext context) {
    Class<?> testClass = context.getRequiredTestClass();
    Class<?> declaring = declaringClass(testClass);
    IamTest annotation = AnnotationSupport.findAnnotation(declaring, IamTest.class).orElseThrow();
    Path root = projectRoot(context);
    ExtensionContext.Store store = context.getRoot().getStore(NAMESPACE);
    LoadedAccount loaded = store.computeIfAbsent(
        new Declaration(declaring, root),
        declaration -> {
          SourceSet sources = SourceSet.of(annotation, declaring, root);
          return store.computeIfAbsent(sources, s -> {
            LoadedAccount account = LoadedAccount.load(s);
            // Once per run and source set: what the templates hold that no decision can use.
            account.summary().ifPresent(text -> context.publishReportEntry(IamTest.LOAD_REPORT_ENTRY_KEY, text));
            return account;
          }, LoadedAccount.class);
        },
        LoadedAccount.class);
    Accounts accounts = loaded.accounts();
    coverage(context).inventory(accounts);
    return accounts;
  }

  /** The class whose {@code @IamTest} applies: the test class, or the closest enclosing class. */
  private static Class<?> declaringClass(Class<?> testClass) {
    for (Class<?> type = testClass; type != null; type = type.getEnclosingClass()) {
      if (AnnotationSupport.isAnnotated(type, IamTest.class)) {
        return type;
      }
    }
    throw Failures.failure(testClass.getName() + " uses IAMUnit's extension without @IamTest; annotate it, or an "
        + "enclosing class, with @IamTest to name the templates to load");
  }

  /** Where the sources of a test class are declared; resolved to a {@link SourceSet} once. */
  private record Declaration(Class<?> declaringClass, Path projectRoot) {}

}
