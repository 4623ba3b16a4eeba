package dev.iamunit.iac.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.iamunit.model.SourceLocation;
import dev.iamunit.model.Unresolved;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.apiguardian.api.API;

/**
 * The accounts a CloudFormation StackSet deploys its template to (the same resources in every
 * one), from its deployment targets: the rule both formats use (CloudFormation's {@code
 * AWS::CloudFormation::StackSet}, Terraform's {@code aws_cloudformation_stack_set_instance}).
 */
@API(status = INTERNAL, since = "0.1")
public final class StackSets {

  /** Why a stack instance's parameter overrides are reported: the stack set's own parameters are the ones loaded. */
  public static final String OVERRIDES_NOT_APPLIED = "the parameter overrides of these stack instances are not applied: IAMUnit "
      + "loads the template with the stack set's own parameters, so a decision on the resources of an overridden account may differ";

  private StackSets() {}

  /**
   * One group of deployment targets (CloudFormation API Reference, DeploymentTargets).
   *
   * @param accounts account ids
   * @param organizationalUnitIds "The organization root ID or organizational unit (OU) IDs to which StackSets deploys"
   * @param accountFilterType how the two combine; empty when not given
   * @param location where the group is declared
   */
  public record DeploymentTargets(List<String> accounts, List<String> organizationalUnitIds, Optional<String> accountFilterType,
      SourceLocation location) {
    public DeploymentTargets {
      accounts = List.copyOf(accounts);
      organizationalUnitIds = List.copyOf(organizationalUnitIds);
    }
  }

  /**
   * The accounts targeted, and what cannot be told.
   *
   * @param accountIds the account ids the template is deployed to (placeholders of ids that cannot be computed included)
   * @param unknown why some targets cannot be told (an OU the loaded sources do not declare), with where
   */
  public record Targets(Set<String> accountIds, List<Unresolved> unknown) {
    public Targets {
      accountIds = Set.copyOf(accountIds);
      unknown = List.copyOf(unknown);
    }

    /** Whether the template is deployed to {@code accountId}, as far as can be told. */
    public boolean includes(String accountId) {
      return accountIds.contains(accountId);
    }
  }

  /**
   * The accounts the groups target. A self-managed stack set deploys to the accounts it lists; a
   * service-managed one to the accounts of the OUs (or root) it lists, refined by {@code
   * AccountFilterType}: "INTERSECTION: ... Only accounts that are both specified in the Accounts
   * property and belong to the specified OUs", "DIFFERENCE: ... all accounts in the selected OUs
   * except for specific accounts listed in the Accounts property", "UNION: ... the specified OUs
   * plus additional individual accounts listed in the Accounts property. This is the default value
   * if AccountFilterType is not provided", "NONE: ... all accounts in the specified organizational
   * units" (CloudFormation API Reference, DeploymentTargets). Never the management account:
   * "CloudFormation doesn't deploy stack instances to the organization management account, even if
   * the organization management account is in your organization or in an OU in your organization"
   * (same page).
   *
   * @param accountsUnder the member accounts under a root or OU id (at any depth), or empty when
   *     the loaded sources do not declare it
   * @param managementAccount the organization's management account, when known
   */
  public static Targets targets(boolean serviceManaged, List<DeploymentTargets> groups, Function<String, Optional<Set<String>>> accountsUnder,
      Optional<String> managementAccount) {
    Set<String> accounts = new LinkedHashSet<>();
    List<Unresolved> unknown = new ArrayList<>();
    for (DeploymentTargets group : groups) {
      if (!serviceManaged || group.organizationalUnitIds().isEmpty()) {
        accounts.addAll(group.accounts());
        continue;
      }
      Set<String> inUnits = new LinkedHashSet<>();
      for (String unit : group.organizationalUnitIds()) {
        Optional<Set<String>> under = accountsUnder.apply(unit);
        under.ifPresent(inUnits::addAll);
        if (under.isEmpty()) {
          unknown.add(Unresolved.of("deployment target " + Unresolved.replacePlaceholders(unit, "<generated id>"), group.location(),
              "the stack set deploys to the accounts of " + Unresolved.replacePlaceholders(unit, "<generated id>")
                  + ", which is neither the root nor an OU of an organization the loaded sources declare, so which accounts get its "
                  + "resources cannot be told; load the sources that declare the organization with it"));
        }
      }
      String filter = group.accountFilterType().map(f -> f.toUpperCase(Locale.ROOT)).orElse("UNION");
      switch (filter) {
        case "INTERSECTION" -> inUnits.retainAll(Set.copyOf(group.accounts()));
        case "DIFFERENCE" -> group.accounts().forEach(inUnits::remove);
        case "NONE" -> { }
        default -> inUnits.addAll(group.accounts());
      }
      accounts.addAll(inUnits);
    }
    if (serviceManaged) {
      managementAccount.ifPresent(accounts::remove);
    }
    return new Targets(accounts, unknown);
  }

  /**
   * Reports what of a stack set's deployment cannot be told: targets IAMUnit cannot compute (an OU
   * no loaded source declares, an account id AWS generates), and gives the accounts the template is
   * deployed to, each of which gets its resources.
   *
   * @return the computed target account ids, sorted
   */
  public static List<String> deployedTo(String stackSet, SourceLocation at, Targets targets, LoadReportBuilder report) {
    targets.unknown().forEach(report::add);
    List<String> unknown = targets.accountIds().stream().filter(Unresolved::isIn).toList();
    if (!unknown.isEmpty()) {
      report.add(Unresolved.of(stackSet, at, "stack set " + stackSet + " deploys its template to "
          + String.join(", ", unknown.stream().map(a -> Unresolved.replacePlaceholders(a, "<id generated by AWS>")).toList())
          + ", an account IAMUnit cannot compute; its resources there are not evaluated"));
    }
    return targets.accountIds().stream().filter(a -> !Unresolved.isIn(a)).sorted().toList();
  }
}
