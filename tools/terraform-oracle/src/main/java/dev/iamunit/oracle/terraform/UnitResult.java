package dev.iamunit.oracle.terraform;

import dev.iamunit.IamUnitException;
import dev.iamunit.iac.LoadOptions;
import dev.iamunit.iac.LoadReport;
import dev.iamunit.iac.terraform.TerraformLoader;
import dev.iamunit.iac.terraform.TerraformPlanLoader;
import dev.iamunit.model.Account;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the oracle found for one unit: whether Terraform planned it, how many facts each load has,
 * and where they disagree.
 *
 * @param unit the unit
 * @param notPlanned why Terraform did not plan it offline, or empty
 * @param staticFacts the static load's facts
 * @param planFacts the plan load's facts
 * @param differences where they disagree
 * @param seconds how long planning and both loads took
 */
record UnitResult(
    Unit unit,
    String notPlanned,
    SortedMap<String, String> staticFacts,
    SortedMap<String, String> planFacts,
    List<Difference> differences,
    double seconds) {

  boolean planned() {
    return notPlanned.isEmpty();
  }

  /** Plans the unit in {@code work}, loads the sources and the plan, and compares them. */
  static UnitResult of(Unit unit, TerraformRun terraform, Path work) {
    long start = System.nanoTime();
    TerraformRun.Outcome outcome = terraform.plan(unit, work);
    if (outcome instanceof TerraformRun.NotPlanned not) {
      return new UnitResult(unit, not.step() + ": " + not.reason(), new TreeMap<>(), new TreeMap<>(), List.of(),
          (System.nanoTime() - start) / 1e9);
    }
    Path planJson = ((TerraformRun.Planned) outcome).planJson();
    Path root = Files.isDirectory(unit.source()) ? unit.source() : unit.source().toAbsolutePath().getParent();
    List<PlannedPolicies.Planned> planned = PlannedPolicies.in(planJson);
    Load ours = load(unit.source(), options(root), TerraformLoader::loadInto);
    Load theirs = load(planJson, options(work), TerraformPlanLoader::loadInto);
    List<Difference> differences = new ArrayList<>(Difference.between(unit.name(), ours.facts(), theirs.facts(),
        theirs.report() == null ? Set.of() : AccountFacts.unknownPolicies(theirs.report())));
    for (PlannedPolicies.Planned p : planned) {
      boolean inStatic = ours.accountedFor(p.address());
      boolean inPlan = theirs.accountedFor(p.address());
      if (!inStatic || !inPlan) {
        differences.add(new Difference(unit.name(), p.address() + "." + p.attribute(), Difference.Kind.NOT_LOADED,
            inStatic ? "held or reported" : "neither held nor reported", inPlan ? "held or reported" : "neither held nor reported"));
      }
    }
    return new UnitResult(unit, "", ours.facts(), theirs.facts(), differences, (System.nanoTime() - start) / 1e9);
  }

  /** A load's facts and report; a load that fails has one fact, "load failed", and accounts for nothing. */
  private record Load(SortedMap<String, String> facts, LoadReport report) {
    boolean accountedFor(String address) {
      return report != null && PlannedPolicies.accountedFor(address, report);
    }
  }

  /**
   * The options both loads share: IAMUnit's default account and region, which are also the STS
   * stub's account and the region the provider is given, and the bundled AWS managed policies.
   */
  private static LoadOptions options(Path root) {
    return LoadOptions.defaults().withProjectRoot(root.toAbsolutePath()).withBundledAwsManagedPolicies();
  }

  private static Load load(Path source, LoadOptions options, Loader loader) {
    Account.Builder account = Account.builder().id(options.accountId()).region(options.region()).partition(options.partition());
    try {
      LoadReport report = loader.apply(source, options, account);
      return new Load(AccountFacts.of(account.build(), report), report);
    } catch (IamUnitException e) {
      SortedMap<String, String> failed = new TreeMap<>();
      failed.put("load failed", AccountFacts.masked(e.getMessage()));
      return new Load(failed, null);
    }
  }

  @FunctionalInterface
  private interface Loader {
    LoadReport apply(Path source, LoadOptions options, Account.Builder account);
  }
}
