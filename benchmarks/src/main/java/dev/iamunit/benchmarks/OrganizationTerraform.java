package dev.iamunit.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * Issue 24's scale case, written as Terraform a platform team would keep: an organization of
 * {@value #ACCOUNTS} accounts in an OU tree {@value #OU_LEVELS} levels deep, {@value #SCPS} SCPs
 * spread over the root, the OU levels and some accounts (region locks, deny lists, allow lists at
 * the OUs where the configuration detaches FullAWSAccess, so it manages FullAWSAccess attachments
 * itself), and {@value #PERMISSION_SETS} IAM Identity Center permission sets assigned across the
 * accounts with {@code for_each}. The same on every run (fixed seed). Run {@link #main} to write
 * it to a folder; the benchmarks load it through the one loading path.
 */
final class OrganizationTerraform {

  static final int ACCOUNTS = 500;
  static final int OU_LEVELS = 6;
  static final int SCPS = 100;
  static final int PERMISSION_SETS = 20;
  static final String MANAGEMENT_ACCOUNT = "999999999999";
  static final String REGION = "eu-west-1";

  /** OUs per parent at each level below the root: 4, 8, 16, 32, 32, 32 OUs (124). */
  private static final int[] BRANCHING = {4, 2, 2, 2, 1, 1};
  private static final String[] TOP_OUS = {"Workloads", "Sandbox", "Infrastructure", "Security"};
  private static final String[] GLOBAL_SERVICES = {"iam:*", "sts:*", "organizations:*", "cloudfront:*", "route53:*", "support:*",
      "budgets:*", "waf:*", "health:*", "trustedadvisor:*"};
  /** The regions a region lock leaves open: the home region always, as a platform team keeps them consistent down the tree. */
  private static final String[][] REGION_SETS = {{"eu-west-1"}, {"eu-west-1", "eu-central-1"}, {"eu-west-1", "us-east-1"},
      {"eu-west-1", "eu-north-1"}};
  /** Actions guardrails deny: what a security team protects. */
  private static final String[] GUARDED = {"cloudtrail:StopLogging", "cloudtrail:DeleteTrail", "config:StopConfigurationRecorder",
      "config:DeleteConfigRule", "guardduty:DeleteDetector", "guardduty:DisassociateFromMasterAccount", "securityhub:DisableSecurityHub",
      "ec2:DeleteFlowLogs", "ec2:DisableEbsEncryptionByDefault", "s3:PutAccountPublicAccessBlock", "kms:ScheduleKeyDeletion",
      "kms:DisableKey", "iam:CreateUser", "iam:CreateAccessKey", "iam:DeleteRolePermissionsBoundary", "organizations:LeaveOrganization",
      "ec2:CreateVpcPeeringConnection", "ec2:AttachInternetGateway", "rds:DeleteDBCluster", "dynamodb:DeleteTable",
      "logs:DeleteLogGroup", "route53:DeleteHostedZone", "account:CloseAccount", "macie2:DisableMacie", "access-analyzer:DeleteAnalyzer"};
  /** Services an allow list picks from. */
  private static final String[] SERVICES = {"ec2", "s3", "lambda", "dynamodb", "sqs", "sns", "logs", "cloudwatch", "kms", "rds",
      "ecs", "ecr", "elasticloadbalancing", "autoscaling", "cloudformation", "ssm", "secretsmanager", "events", "states", "athena"};
  private static final String[][] MANAGED_SETS = {
      {"Admin", "AdministratorAccess"}, {"ReadOnly", "ReadOnlyAccess"}, {"ViewOnly", "job-function/ViewOnlyAccess"},
      {"SecurityAudit", "SecurityAudit"}, {"PowerUser", "PowerUserAccess"}, {"Billing", "job-function/Billing"},
      {"NetworkAdmin", "job-function/NetworkAdministrator"}, {"DatabaseAdmin", "job-function/DatabaseAdministrator"},
      {"SupportUser", "job-function/SupportUser"}, {"SystemAdmin", "job-function/SystemAdministrator"},
      {"DataScientist", "job-function/DataScientist"}, {"CloudWatchReader", "CloudWatchReadOnlyAccess"}};

  /** An account: its id, its OU (by Terraform name) and how deep that OU is (1 to {@value #OU_LEVELS}). */
  record Member(String id, String name, String ou, int depth) {}

  /** What was written, for the benchmarks to pick principals from. */
  record Layout(Path folder, List<Member> accounts, Map<String, List<String>> assignments, int scps, int units) {

    /** The accounts in the deepest OUs. */
    List<Member> deepest() {
      return accounts.stream().filter(a -> a.depth() == OU_LEVELS).toList();
    }
  }

  private record Unit(String name, String displayName, String parent, int depth, boolean allowList) {}

  private final Random random = new Random(20261207L);
  private final List<Unit> units = new ArrayList<>();
  private final List<Member> accounts = new ArrayList<>();

  private OrganizationTerraform() {}

  /** Writes the organization's Terraform into {@code folder} (created if missing). */
  static Layout writeTo(Path folder) {
    return new OrganizationTerraform().write(folder);
  }

  public static void main(String[] args) {
    if (args.length != 1) {
      System.err.println("usage: OrganizationTerraform FOLDER   (writes the organization's Terraform into FOLDER)");
      System.exit(2);
    }
    Layout layout = writeTo(Path.of(args[0]));
    System.out.printf("wrote %s: %d accounts, %d OUs (%d levels), %d SCPs, %d permission sets%n", layout.folder(),
        layout.accounts().size(), layout.units(), OU_LEVELS, layout.scps(), layout.assignments().size());
  }

  private Layout write(Path folder) {
    units();
    accounts();
    StringBuilder organization = new StringBuilder();
    organization.append("""
        # Generated by dev.iamunit.benchmarks.OrganizationTerraform: issue 24's scale case.
        provider "aws" {
          region              = "%s"
          allowed_account_ids = ["%s"]
        }

        resource "aws_organizations_organization" "org" {
          feature_set          = "ALL"
          enabled_policy_types = ["SERVICE_CONTROL_POLICY"]
        }
        """.formatted(REGION, MANAGEMENT_ACCOUNT));
    for (Unit unit : units) {
      organization.append("""

          resource "aws_organizations_organizational_unit" "%s" {
            name      = "%s"
            parent_id = %s
          }
          """.formatted(unit.name(), unit.displayName(), parentReference(unit.parent())));
    }
    StringBuilder members = new StringBuilder();
    for (Member account : accounts) {
      members.append("""

          resource "aws_organizations_account" "%s" {
            name      = "%s"
            email     = "aws+%s@example.com"
            parent_id = aws_organizations_organizational_unit.%s.id
          }

          import {
            to = aws_organizations_account.%s
            id = "%s"
          }
          """.formatted(account.name(), account.name(), account.name(), account.ou(), account.name(), account.id()));
    }
    Map<String, List<String>> assignments = new LinkedHashMap<>();
    String identityCenter = identityCenter(assignments);
    try {
      Files.createDirectories(folder);
      Files.writeString(folder.resolve("organization.tf"), organization);
      Files.writeString(folder.resolve("accounts.tf"), members);
      Files.writeString(folder.resolve("scps.tf"), scps());
      Files.writeString(folder.resolve("identity-center.tf"), identityCenter);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Layout(folder, List.copyOf(accounts), assignments, SCPS, units.size());
  }

  private void units() {
    List<Unit> parents = new ArrayList<>();
    parents.add(null);
    for (int depth = 1; depth <= OU_LEVELS; depth++) {
      List<Unit> level = new ArrayList<>();
      for (Unit parent : parents) {
        for (int i = 0; i < BRANCHING[depth - 1]; i++) {
          String name = parent == null ? "ou_" + (i + 1) : parent.name() + "_" + (i + 1);
          String displayName = parent == null ? TOP_OUS[i] : parent.displayName() + "-" + (i + 1);
          // Allow lists replace FullAWSAccess at some OUs of levels 2 to 4: the sandboxes and part of the workloads.
          boolean allowList = depth >= 2 && depth <= 4 && random.nextInt(5) == 0;
          level.add(new Unit(name, displayName, parent == null ? null : parent.name(), depth, allowList));
        }
      }
      units.addAll(level);
      parents = level;
    }
  }

  /** Most accounts in the deepest OUs, the rest spread over the shallower ones. */
  private void accounts() {
    List<Unit> deepest = units.stream().filter(u -> u.depth() == OU_LEVELS).toList();
    List<Unit> shallower = units.stream().filter(u -> u.depth() < OU_LEVELS).toList();
    for (int i = 0; i < ACCOUNTS; i++) {
      Unit ou = i % 5 == 4 ? shallower.get(random.nextInt(shallower.size())) : deepest.get(i % deepest.size());
      String id = String.valueOf(100000000000L + 1000L * i + random.nextInt(1000));
      accounts.add(new Member(id, "acct_" + i, ou.name(), ou.depth()));
    }
  }

  private static String parentReference(String parent) {
    return parent == null ? "aws_organizations_organization.org.roots[0].id" : "aws_organizations_organizational_unit." + parent + ".id";
  }

  // ---------------------------------------------------------------------------------------------
  // SCPs

  /**
   * FullAWSAccess where AWS attaches it (the root, every OU but those with an allow list, every
   * account), then the {@value #SCPS} SCPs: two at the root, region locks and allow lists on OUs,
   * deny lists on every level and on some accounts. At most five SCPs on a target, AWS's quota.
   */
  private String scps() {
    StringBuilder tf = new StringBuilder("# FullAWSAccess, attached by the configuration itself: it is detached where an allow list is.\n");
    tf.append(attachment("full_aws_access_root", "\"p-FullAWSAccess\"", "aws_organizations_organization.org.roots[0].id"));
    for (Unit unit : units) {
      if (!unit.allowList()) {
        tf.append(attachment("full_aws_access_" + unit.name(), "\"p-FullAWSAccess\"", "aws_organizations_organizational_unit." + unit.name() + ".id"));
      }
    }
    tf.append("""

        resource "aws_organizations_policy_attachment" "full_aws_access_accounts" {
          for_each  = toset([%s])
          policy_id = "p-FullAWSAccess"
          target_id = each.value
        }
        """.formatted(accounts.stream().map(a -> "\"" + a.id() + "\"").collect(Collectors.joining(", "))));
    Map<String, Integer> attached = new LinkedHashMap<>();
    int written = 0;
    written += scp(tf, "protect_audit", denyList("ProtectAudit", 0, 8, false), List.of(root()), attached);
    written += scp(tf, "deny_leaving", denyList("DenyLeaving", 15, 1, false), List.of(root()), attached);
    List<Unit> allowListUnits = units.stream().filter(Unit::allowList).toList();
    for (Unit unit : allowListUnits) {
      written += scp(tf, "allow_" + unit.name(), allowList(unit), List.of(ouTarget(unit)), attached);
    }
    int regionLocks = 0;
    while (written < SCPS) {
      int kind = random.nextInt(10);
      if (kind < 2 && regionLocks < 15) {
        List<Unit> candidates = units.stream().filter(u -> u.depth() <= 3).toList();
        written += scp(tf, "region_lock_" + regionLocks, regionLock(regionLocks), targets(candidates, 1 + random.nextInt(2), attached), attached);
        regionLocks++;
      } else if (kind < 8) {
        int depth = 1 + random.nextInt(OU_LEVELS);
        List<Unit> candidates = units.stream().filter(u -> u.depth() == depth).toList();
        written += scp(tf, "deny_list_" + written, denyList("Guard" + written, random.nextInt(GUARDED.length), 1 + random.nextInt(4),
            random.nextBoolean()), targets(candidates, 1 + random.nextInt(4), attached), attached);
      } else {
        List<String> targets = new ArrayList<>();
        for (int t = 0, n = 1 + random.nextInt(5); t < n; t++) {
          targets.add("\"" + accounts.get(random.nextInt(accounts.size())).id() + "\"");
        }
        written += scp(tf, "account_guard_" + written, denyList("AccountGuard" + written, random.nextInt(GUARDED.length),
            1 + random.nextInt(3), false), targets.stream().distinct().filter(t -> attached.merge(t, 1, Integer::sum) <= 4).toList(), attached);
      }
    }
    return tf.toString();
  }

  private static String root() {
    return "aws_organizations_organization.org.roots[0].id";
  }

  private static String ouTarget(Unit unit) {
    return "aws_organizations_organizational_unit." + unit.name() + ".id";
  }

  /** Up to {@code count} OUs of {@code candidates} that have room for one more SCP. */
  private List<String> targets(List<Unit> candidates, int count, Map<String, Integer> attached) {
    List<String> targets = new ArrayList<>();
    for (int tries = 0; targets.size() < count && tries < 20; tries++) {
      String target = ouTarget(candidates.get(random.nextInt(candidates.size())));
      if (!targets.contains(target) && attached.getOrDefault(target, 0) < 4) {
        targets.add(target);
      }
    }
    return targets;
  }

  /** One SCP and its attachments; 1 if written, 0 if it found no target with room. */
  private static int scp(StringBuilder tf, String name, String content, List<String> targets, Map<String, Integer> attached) {
    if (targets.isEmpty()) {
      return 0;
    }
    tf.append("""

        resource "aws_organizations_policy" "%s" {
          name    = "%s"
          content = jsonencode(%s)
        }
        """.formatted(name, name.replace('_', '-'), content));
    for (int i = 0; i < targets.size(); i++) {
      if (!targets.get(i).startsWith("\"")) {
        attached.merge(targets.get(i), 1, Integer::sum);
      }
      tf.append(attachment(name + "_" + i, "aws_organizations_policy." + name + ".id", targets.get(i)));
    }
    return 1;
  }

  private static String attachment(String name, String policy, String target) {
    return """

        resource "aws_organizations_policy_attachment" "%s" {
          policy_id = %s
          target_id = %s
        }
        """.formatted(name, policy, target);
  }

  /**
   * A deny list: {@code count} guarded actions from {@code first}; with {@code exemptAdmins}, the
   * Admin permission set's roles are exempt, as teams write it (the role's name pattern).
   */
  private static String denyList(String sid, int first, int count, boolean exemptAdmins) {
    List<String> actions = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      actions.add(GUARDED[(first + i) % GUARDED.length]);
    }
    String condition = exemptAdmins
        ? ", Condition = { ArnNotLike = { \"aws:PrincipalArn\" = \"arn:aws:iam::*:role/aws-reserved/sso.amazonaws.com/*AWSReservedSSO_Admin_*\" } }"
        : "";
    return "{ Version = \"2012-10-17\", Statement = [{ Sid = \"%s\", Effect = \"Deny\", Action = %s, Resource = \"*\"%s }] }"
        .formatted(sid, hclList(actions), condition);
  }

  private static String regionLock(int n) {
    String[] regions = REGION_SETS[n % REGION_SETS.length];
    return ("{ Version = \"2012-10-17\", Statement = [{ Sid = \"RegionLock%d\", Effect = \"Deny\", NotAction = %s, Resource = \"*\", "
        + "Condition = { StringNotEquals = { \"aws:RequestedRegion\" = %s } } }] }").formatted(n, hclList(List.of(GLOBAL_SERVICES)),
        hclList(List.of(regions)));
  }

  /** The services an OU's accounts may use: twelve of {@link #SERVICES}, with STS and IAM's reads. */
  private String allowList(Unit unit) {
    List<String> actions = new ArrayList<>(List.of("sts:*", "iam:Get*", "iam:List*", "cloudtrail:LookupEvents"));
    List<String> services = new ArrayList<>(List.of(SERVICES));
    Collections.shuffle(services, random);
    services.subList(0, 12).forEach(s -> actions.add(s + ":*"));
    return "{ Version = \"2012-10-17\", Statement = [{ Sid = \"AllowList%s\", Effect = \"Allow\", Action = %s, Resource = \"*\" }] }"
        .formatted(unit.name().replace("_", ""), hclList(actions));
  }

  private static String hclList(List<String> values) {
    return values.stream().map(v -> "\"" + v + "\"").collect(Collectors.joining(", ", "[", "]"));
  }

  // ---------------------------------------------------------------------------------------------
  // IAM Identity Center

  /** Twelve permission sets of AWS managed policies, eight of inline policies (some with a boundary), assigned by for_each. */
  private String identityCenter(Map<String, List<String>> assignments) {
    StringBuilder tf = new StringBuilder("""
        data "aws_ssoadmin_instances" "this" {}

        locals {
          sso_instance_arn  = tolist(data.aws_ssoadmin_instances.this.arns)[0]
          identity_store_id = tolist(data.aws_ssoadmin_instances.this.identity_store_ids)[0]
        }
        """);
    for (int i = 0; i < PERMISSION_SETS; i++) {
      String name;
      String resource = "ps_" + i;
      if (i < MANAGED_SETS.length) {
        name = MANAGED_SETS[i][0];
        tf.append(permissionSet(resource, name));
        tf.append("""

            resource "aws_ssoadmin_managed_policy_attachment" "%s" {
              instance_arn       = local.sso_instance_arn
              permission_set_arn = aws_ssoadmin_permission_set.%s.arn
              managed_policy_arn = "arn:aws:iam::aws:policy/%s"
            }
            """.formatted(resource, resource, MANAGED_SETS[i][1]));
      } else {
        name = "Team" + (i - MANAGED_SETS.length + 1);
        tf.append(permissionSet(resource, name));
        tf.append(inlinePolicy(resource, name));
        if (i % 2 == 0) {
          tf.append("""

              resource "aws_ssoadmin_permissions_boundary_attachment" "%s" {
                instance_arn       = local.sso_instance_arn
                permission_set_arn = aws_ssoadmin_permission_set.%s.arn
                permissions_boundary {
                  managed_policy_arn = "arn:aws:iam::aws:policy/PowerUserAccess"
                }
              }
              """.formatted(resource, resource));
        }
      }
      // Admin, ReadOnly and SecurityAudit everywhere; the others in a share of the accounts.
      int share = i < 2 || i == 3 ? 1 : 2 + random.nextInt(4);
      List<String> ids = new ArrayList<>();
      for (int a = 0; a < accounts.size(); a++) {
        if ((a + i) % share == 0) {
          ids.add(accounts.get(a).id());
        }
      }
      assignments.put(name, List.copyOf(ids));
      tf.append("""

          resource "aws_ssoadmin_account_assignment" "%s" {
            for_each           = toset([%s])
            instance_arn       = local.sso_instance_arn
            permission_set_arn = aws_ssoadmin_permission_set.%s.arn
            principal_id       = "group-%d"
            principal_type     = "GROUP"
            target_id          = each.value
            target_type        = "AWS_ACCOUNT"
          }
          """.formatted(resource, ids.stream().map(id -> "\"" + id + "\"").collect(Collectors.joining(", ")), resource, i));
    }
    return tf.toString();
  }

  private static String permissionSet(String resource, String name) {
    return """

        resource "aws_ssoadmin_permission_set" "%s" {
          name         = "%s"
          instance_arn = local.sso_instance_arn
        }
        """.formatted(resource, name);
  }

  /** A team's policy: its services, its bucket in each account, no deletes of resources tagged env=prod. */
  private String inlinePolicy(String resource, String name) {
    List<String> services = new ArrayList<>(List.of(SERVICES));
    Collections.shuffle(services, random);
    List<String> actions = services.subList(0, 5).stream().map(s -> s + ":*").toList();
    List<String> deletes = services.subList(0, 5).stream().map(s -> s + ":Delete*").toList();
    String team = name.toLowerCase(Locale.ROOT);
    return """

        resource "aws_ssoadmin_permission_set_inline_policy" "%s" {
          instance_arn       = local.sso_instance_arn
          permission_set_arn = aws_ssoadmin_permission_set.%s.arn
          inline_policy = jsonencode({
            Version = "2012-10-17"
            Statement = [
              { Sid = "%sServices", Effect = "Allow", Action = %s, Resource = "*" },
              { Sid = "%sBuckets", Effect = "Allow", Action = ["s3:GetObject", "s3:PutObject"], Resource = "arn:aws:s3:::%s-$${aws:PrincipalAccount}/*" },
              { Sid = "%sNoDeletes", Effect = "Deny", Action = %s, Resource = "*", Condition = { StringEquals = { "aws:ResourceTag/env" = "prod" } } },
            ]
          })
        }
        """.formatted(resource, resource, name, hclList(actions), name, team, name, hclList(deletes));
  }
}
