package dev.iamunit.junit.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.iamunit.junit.ExpectedDecision;
import dev.iamunit.junit.IamPrincipal;
import dev.iamunit.junit.PolicyCase;
import dev.iamunit.junit.PolicyCases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.AnnotationBasedArgumentsProvider;
import org.junit.jupiter.params.support.ParameterDeclarations;

/** Reads {@link PolicyCases} tables into named {@link PolicyCase} arguments. */
@API(status = INTERNAL, since = "0.1")
public final class PolicyCasesProvider extends AnnotationBasedArgumentsProvider<PolicyCases> {

  @Override
  protected Stream<? extends Arguments> provideArguments(
      ParameterDeclarations parameters, ExtensionContext context, PolicyCases annotation) {
    Path root = IamUnitExtension.projectRoot(context);
    List<Arguments> rows = new ArrayList<>();
    for (String file : annotation.value()) {
      Path path = root.resolve(file).normalize();
      String text;
      try {
        text = Files.readString(path);
      } catch (IOException e) {
        throw Failures.failure("@PolicyCases names \"" + file + "\", which cannot be read: " + path
            + " is missing or unreadable. Paths are relative to the project root " + root);
      }
      List<PolicyCase> cases = file.endsWith(".yaml") || file.endsWith(".yml") ? YamlPolicyCases.read(text, file) : csv(text, file);
      for (PolicyCase row : cases) {
        rows.add(Arguments.argumentSet(row.toString(), row));
      }
    }
    return rows.stream();
  }

  private static List<PolicyCase> csv(String text, String file) {
    List<String> lines = text.lines().toList();
    List<PolicyCase> cases = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#") || (i == 0 && line.toLowerCase(Locale.ROOT).startsWith("principal"))) {
        continue;
      }
      cases.add(csvRow(CsvLine.split(line), file + ":" + (i + 1)));
    }
    return cases;
  }

  static PolicyCase csvRow(List<String> cells, String location) {
    if (cells.size() != 5) {
      throw Failures.failure(location + ": a @PolicyCases row has 5 columns (principal, action, resource, context, "
          + "expected), this one has " + cells.size());
    }
    Map<String, List<String>> contextKeys = new LinkedHashMap<>();
    for (String pair : cells.get(3).split(";")) {
      if (pair.isBlank()) {
        continue;
      }
      int equals = pair.indexOf('=');
      if (equals <= 0) {
        throw Failures.failure(location + ": context \"" + pair + "\" is not of the form key=value");
      }
      contextKeys.put(pair.substring(0, equals).strip(), List.of(pair.substring(equals + 1).strip().split(",")));
    }
    return row(cells.get(0).strip(), cells.get(1).strip(), cells.get(2).strip(), contextKeys, cells.get(4).strip(), location);
  }

  /** A row of either format; an empty resource is the action's default. */
  static PolicyCase row(
      String principal, String action, String resource, Map<String, List<String>> context, String expected, String location) {
    ExpectedDecision decision = ExpectedDecision.parse(expected).orElseThrow(() -> Failures.failure(
        location + ": expected decision \"" + expected + "\" is none of ALLOWED, DENIED, EXPLICIT_DENY, IMPLICIT_DENY"));
    return new PolicyCase(principal(principal, location), action,
        resource.isEmpty() ? Optional.empty() : Optional.of(resource), context, decision, location);
  }

  private static IamPrincipal principal(String text, String location) {
    String[] parts = text.split("/");
    if (parts.length == 1) {
      return IamPrincipal.user(parts[0]);
    }
    if (parts[0].equals("user") && parts.length == 2) {
      return IamPrincipal.user(parts[1]);
    }
    if (parts[0].equals("role") && parts.length == 2) {
      return IamPrincipal.role(parts[1]);
    }
    if (parts[0].equals("role") && parts.length == 3) {
      return IamPrincipal.role(parts[1], parts[2]);
    }
    throw Failures.failure(location + ": principal \"" + text + "\" is none of NAME, user/NAME, role/NAME, role/NAME/SESSION");
  }
}
