package dev.iamunit.diff.space;

import dev.iamunit.model.Account;
import dev.iamunit.model.ManagedPolicy;
import dev.iamunit.model.Organization;
import dev.iamunit.model.Policy;
import dev.iamunit.model.Role;
import dev.iamunit.model.SourceLocation;
import dev.iamunit.model.User;
import dev.iamunit.policy.PolicyKind;
import dev.iamunit.policy.PolicyParser;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Random account versions of the differential generator's families (tools/differential/lib/
 * generator.mjs), and one random change of each: a user {@value #USER} tagged with a team and a
 * role {@value #ROLE} tagged too, each with an inline policy of Allow and Deny statements over
 * several services (Action or NotAction, Resource or NotResource, exact, service, verb, suffix,
 * single-character and {@code *} action patterns, resources with {@code ${aws:username}} and
 * {@code ${aws:PrincipalTag/team}}, conditions of every operator family with IfExists and the set
 * operators); the user's permissions boundary; SCPs at one to three levels with allow lists and
 * guardrails; RCP levels; the policy of bucket {@value #BUCKET}; the role's trust policy.
 */
final class PolicyPairs {

  static final String ID = Accounts.ID;
  static final String USER = "alice";
  static final String ROLE = "Deployer";
  static final String USER_ARN = "arn:aws:iam::" + ID + ":user/" + USER;
  static final String ROLE_ARN = "arn:aws:iam::" + ID + ":role/" + ROLE;
  static final String BUCKET = "arn:aws:s3:::b";
  static final String BOUNDARY_ARN = "arn:aws:iam::" + ID + ":policy/Boundary";

  private static final List<String> ACTIONS = List.of("s3:GetObject", "s3:Get*", "s3:*", "s3:GetObjec?", "s3:ListBucket", "s3:PutObject",
      "s3:*Object", "ec2:DescribeInstances", "ec2:Describe*", "ec2:*", "ec2:RunInstances", "iam:*", "iam:Get*", "iam:PassRole",
      "sts:AssumeRole", "sqs:SendMessage", "sqs:*", "sqs:?eceiveMessage", "kms:Decrypt", "kms:*", "*");
  private static final List<String> RESOURCES = List.of("*", BUCKET + "/*", BUCKET + "/k?", BUCKET + "/${aws:username}/*",
      BUCKET + "/teams/${aws:PrincipalTag/team}/*", "arn:aws:s3:::c*", BUCKET, "arn:aws:ec2:*:" + ID + ":instance/*",
      "arn:aws:ec2:us-east-1:" + ID + ":instance/i-1", ROLE_ARN, "arn:aws:iam::" + ID + ":role/*", "arn:aws:sqs:*:" + ID + ":q*",
      "arn:aws:sqs:us-east-1:" + ID + ":queue", "arn:aws:kms:us-east-1:" + ID + ":key/*", "arn:aws:iam::" + ID + ":user/${aws:username}");
  /** The conditions of {@link RandomPolicyPairTests}, and ones on the principal, the Region, MFA and variables. */
  static final List<String> CONDITIONS = Stream.concat(RandomPolicyPairTests.CONDITIONS.stream(), Stream.of(
      "\"StringEquals\": {\"s3:prefix\": \"${aws:username}/\"}",
      "\"StringLike\": {\"s3:prefix\": \"teams/${aws:PrincipalTag/team}/*\"}",
      "\"Bool\": {\"aws:MultiFactorAuthPresent\": \"true\"}",
      "\"NumericLessThan\": {\"aws:MultiFactorAuthAge\": \"3600\"}",
      "\"StringEquals\": {\"aws:RequestedRegion\": \"us-east-1\"}",
      "\"StringNotEquals\": {\"aws:RequestedRegion\": [\"us-east-1\", \"eu-west-1\"]}",
      "\"StringEquals\": {\"aws:PrincipalTag/team\": \"red\"}",
      "\"StringEquals\": {\"aws:ResourceTag/team\": \"${aws:PrincipalTag/team}\"}",
      "\"ArnLike\": {\"aws:PrincipalArn\": \"arn:aws:iam::*:role/Deploy*\"}",
      "\"BoolIfExists\": {\"aws:ViaAWSService\": \"false\"}")).toList();
  private static final List<String> GUARDRAILS = List.of(
      "\"StringNotEquals\": {\"aws:RequestedRegion\": [\"us-east-1\", \"eu-west-1\"]}",
      "\"BoolIfExists\": {\"aws:MultiFactorAuthPresent\": \"false\"}",
      "\"ArnNotLike\": {\"aws:PrincipalArn\": \"arn:aws:iam::*:role/Deployer\"}",
      "\"Null\": {\"aws:RequestTag/env\": \"true\"}");
  private static final List<String> RCP_CONDITIONS = List.of(
      "\"BoolIfExists\": {\"aws:SecureTransport\": \"false\"}",
      "\"StringNotEqualsIfExists\": {\"aws:PrincipalAccount\": [\"" + ID + "\"]}",
      "\"NotIpAddressIfExists\": {\"aws:SourceIp\": [\"203.0.113.0/24\", \"2001:db8:1234::/48\"]}");
  private static final List<String> GRANTEES = List.of("{\"AWS\": \"" + USER_ARN + "\"}", "{\"AWS\": \"" + ROLE_ARN + "\"}",
      "{\"AWS\": \"" + ID + "\"}", "\"*\"", "{\"AWS\": \"arn:aws:iam::" + ID + ":root\"}");

  /**
   * One version of the account, as statement JSON (objects, comma-separated) per policy.
   *
   * @param user the user's inline policy
   * @param role the role's inline policy
   * @param boundary the user's permissions boundary, or empty for none
   * @param team the user's {@code team} tag
   * @param scps the SCPs of each level, root first; no level for no organization
   * @param rcps the RCPs (Deny statements) of each level, root first
   * @param bucketPolicy the policy of {@value #BUCKET}, or empty for none
   * @param trust the role's trust policy
   */
  record Version(List<String> user, List<String> role, Optional<String> boundary, String team, List<String> scps, List<String> rcps,
      Optional<String> bucketPolicy, String trust) {

    Version {
      user = List.copyOf(user);
      role = List.copyOf(role);
      scps = List.copyOf(scps);
      rcps = List.copyOf(rcps);
    }

    @Override
    public String toString() {
      StringBuilder text = new StringBuilder("user ").append(USER).append(" (team ").append(team).append("): ").append(user);
      text.append("\n  role ").append(ROLE).append(": ").append(role).append("\n  trust: ").append(trust);
      boundary.ifPresent(b -> text.append("\n  boundary: ").append(b));
      for (int i = 0; i < scps.size(); i++) {
        text.append("\n  SCP level ").append(i).append(": ").append(scps.get(i));
      }
      for (int i = 0; i < rcps.size(); i++) {
        text.append("\n  RCP level ").append(i).append(": ").append(rcps.get(i));
      }
      bucketPolicy.ifPresent(b -> text.append("\n  bucket policy: ").append(b));
      return text.toString();
    }

    Account account() {
      Account.Builder account = Account.builder().id(ID);
      account.user(new User(USER, "/", USER_ARN, Map.of("team", team), List.of(), List.of(parse(String.join(",", user), PolicyKind.IDENTITY,
          "UserPolicy")), List.of(), boundary.map(b -> BOUNDARY_ARN), SourceLocation.UNKNOWN));
      boundary.ifPresent(b -> account.managedPolicy(new ManagedPolicy(BOUNDARY_ARN, "Boundary", "/",
          parse(b, PolicyKind.PERMISSIONS_BOUNDARY, "Boundary"), false)));
      account.role(new Role(ROLE, "/", ROLE_ARN, Optional.of(parse(trust, PolicyKind.TRUST, "Trust")), Map.of("team", "blue"),
          List.of(parse(String.join(",", role), PolicyKind.IDENTITY, "RolePolicy")), List.of(), Optional.empty(), SourceLocation.UNKNOWN));
      bucketPolicy.ifPresent(b -> account.resourcePolicy(BUCKET, parse(b, PolicyKind.RESOURCE, "BucketPolicy")));
      if (!scps.isEmpty() || !rcps.isEmpty()) {
        List<List<Policy>> scpLevels = new ArrayList<>();
        for (int i = 0; i < scps.size(); i++) {
          scpLevels.add(List.of(parse(scps.get(i), PolicyKind.SERVICE_CONTROL, "Scp" + i)));
        }
        List<List<Policy>> rcpLevels = new ArrayList<>();
        for (int i = 0; i < rcps.size(); i++) {
          rcpLevels.add(rcps.get(i).isEmpty() ? List.of() : List.of(parse(rcps.get(i), PolicyKind.RESOURCE_CONTROL, "Rcp" + i)));
        }
        account.organization(new Organization(scpLevels, rcpLevels));
      }
      return account.build();
    }
  }

  /**
   * Which of the generator's families a pair is drawn from: what the diff must walk differs by
   * orders of magnitude (a class of actions no changed statement can apply to is proved without a
   * request, {@code ChangeScope}).
   */
  enum Family {
    /**
     * Statements that name their services' actions: no {@code *} action, no {@code NotAction}; a
     * boundary, SCP level or bucket policy is edited, never added or removed, so that each change
     * re-decides the actions its statements name.
     */
    SERVICES,
    /**
     * Every family: {@code NotAction} and {@code *} (Allow and Deny), which apply to every action of
     * the catalog, and boundaries, SCP levels and bucket policies added and removed.
     */
    CATALOG
  }

  /** A base version and a head version one random change away. */
  record Pair(long seed, Family family, Version base, Version head) {
    @Override
    public String toString() {
      return "pair of seed " + seed + " (" + family + ")\nbase " + base + "\nhead " + head;
    }
  }

  static Policy parse(String statements, PolicyKind kind, String name) {
    return PolicyParser.parse("{\"Version\": \"2012-10-17\", \"Statement\": [" + statements + "]}", "main.tf", kind, name);
  }

  /** The pair of {@code seed} in {@code family}: the same seed gives the same pair. */
  static Pair pair(long seed, Family family) {
    PolicyPairs generator = new PolicyPairs(new Random(seed), family == Family.CATALOG);
    Version base = generator.version();
    return new Pair(seed, family, base, generator.changed(base));
  }

  private final Random random;
  private final boolean catalog;
  private final List<String> actions;

  private PolicyPairs(Random random, boolean catalog) {
    this.random = random;
    this.catalog = catalog;
    this.actions = catalog ? ACTIONS : ACTIONS.stream().filter(a -> !a.equals("*")).toList();
  }

  private Version version() {
    List<String> user = statements(1 + random.nextInt(3));
    List<String> role = statements(1 + random.nextInt(2));
    Optional<String> boundary = random.nextInt(4) == 0 ? Optional.of(boundary()) : Optional.empty();
    List<String> scps = new ArrayList<>();
    if (random.nextInt(3) == 0) {
      for (int i = random.nextInt(3) + 1; i > 0; i--) {
        scps.add(scpLevel());
      }
    }
    List<String> rcps = new ArrayList<>();
    if (random.nextInt(5) == 0) {
      for (int i = random.nextInt(2) + 1; i > 0; i--) {
        rcps.add(rcpLevel());
      }
    }
    Optional<String> bucket = random.nextInt(3) == 0 ? Optional.of(bucketPolicy()) : Optional.empty();
    return new Version(user, role, boundary, random.nextBoolean() ? "red" : "blue", scps, rcps, bucket, trust());
  }

  /**
   * {@code base} with one part changed: a statement of an identity policy, the boundary, an SCP or
   * RCP level, a resource policy, a tag. In {@link Family#SERVICES} a boundary, SCP level, RCP level
   * or bucket policy is edited only where the base has one, and an SCP level keeps its Allow.
   */
  private Version changed(Version v) {
    int what = random.nextInt(10);
    if (!catalog && (what == 4 && v.boundary().isEmpty() || what == 5 && v.scps().isEmpty()
        || what == 6 && v.rcps().stream().allMatch(String::isEmpty) || what == 7 && v.bucketPolicy().isEmpty())) {
      what = 0;
    }
    return switch (what) {
      case 0, 1, 2 -> new Version(edited(v.user()), v.role(), v.boundary(), v.team(), v.scps(), v.rcps(), v.bucketPolicy(), v.trust());
      case 3 -> new Version(v.user(), edited(v.role()), v.boundary(), v.team(), v.scps(), v.rcps(), v.bucketPolicy(), v.trust());
      case 4 -> new Version(v.user(), v.role(), catalog && v.boundary().isPresent() && random.nextInt(3) == 0 ? Optional.empty()
          : Optional.of(boundary()), v.team(), v.scps(), v.rcps(), v.bucketPolicy(), v.trust());
      case 5 -> {
        List<String> scps = new ArrayList<>(v.scps());
        if (scps.isEmpty()) {
          scps.add(scpLevel());
        } else {
          int level = random.nextInt(scps.size());
          scps.set(level, catalog ? scpLevel() : guarded(scps.get(level).split(", \\{\"Effect\": \"Deny\"")[0]));
        }
        yield new Version(v.user(), v.role(), v.boundary(), v.team(), scps, v.rcps(), v.bucketPolicy(), v.trust());
      }
      case 6 -> {
        List<String> rcps = new ArrayList<>(v.rcps());
        if (rcps.isEmpty()) {
          rcps.add(rcpLevel());
        } else {
          int level = random.nextInt(rcps.size());
          while (!catalog && rcps.get(level).isEmpty()) {
            level = random.nextInt(rcps.size());
          }
          String replaced = rcpLevel();
          while (!catalog && replaced.isEmpty()) {
            replaced = rcpLevel();
          }
          rcps.set(level, replaced);
        }
        yield new Version(v.user(), v.role(), v.boundary(), v.team(), v.scps(), rcps, v.bucketPolicy(), v.trust());
      }
      case 7 -> new Version(v.user(), v.role(), v.boundary(), v.team(), v.scps(), v.rcps(), catalog && v.bucketPolicy().isPresent()
          && random.nextInt(3) == 0 ? Optional.empty() : Optional.of(bucketPolicy()), v.trust());
      case 8 -> new Version(v.user(), v.role(), v.boundary(), v.team(), v.scps(), v.rcps(), v.bucketPolicy(), trust());
      default -> new Version(v.user(), v.role(), v.boundary(), v.team().equals("red") ? "blue" : "red", v.scps(), v.rcps(),
          v.bucketPolicy(), v.trust());
    };
  }

  /** A statement replaced, one added, or one removed. */
  private List<String> edited(List<String> statements) {
    List<String> out = new ArrayList<>(statements);
    int how = random.nextInt(4);
    if (how == 0 && out.size() > 1) {
      out.remove(random.nextInt(out.size()));
    } else if (how == 1) {
      out.add(statement());
    } else {
      out.set(random.nextInt(out.size()), statement());
    }
    return out;
  }

  private List<String> statements(int count) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      out.add(statement());
    }
    return out;
  }

  /** An identity-policy statement of the pair's family. */
  private String statement() {
    return statement(random.nextInt(4) == 0 ? "Deny" : "Allow");
  }

  private String statement(String effect) {
    StringBuilder s = new StringBuilder("{\"Effect\": \"").append(effect).append("\", ");
    List<String> named = pick(actions, 1 + random.nextInt(2));
    boolean notAction = catalog && random.nextInt(5) == 0;
    s.append(notAction ? "\"NotAction\": " : "\"Action\": ").append(json(named)).append(", ");
    // A NotAction statement on every resource half the time: what opens services no statement names.
    List<String> resources = notAction && random.nextBoolean() ? List.of("*") : pick(RESOURCES, 1 + random.nextInt(2));
    boolean not = !resources.contains("*") && random.nextInt(6) == 0;
    s.append(not ? "\"NotResource\": " : "\"Resource\": ").append(json(resources));
    if (random.nextInt(20) < 9) {
      s.append(", \"Condition\": {").append(condition(CONDITIONS)).append('}');
    }
    return s.append('}').toString();
  }

  /** One or two conditions of {@code pool}, under different operators (a JSON object names each once). */
  private String condition(List<String> pool) {
    String first = pool.get(random.nextInt(pool.size()));
    if (random.nextInt(4) > 0) {
      return first;
    }
    String second = pool.get(random.nextInt(pool.size()));
    return operator(first).equals(operator(second)) ? first : first + ", " + second;
  }

  private static String operator(String condition) {
    return condition.substring(0, condition.indexOf(':'));
  }

  private String boundary() {
    String statement = statement("Allow");
    return random.nextBoolean() ? statement : statement + ", {\"Effect\": \"Allow\", \"Action\": [\"s3:*\", \"sts:*\"], \"Resource\": \"*\"}";
  }

  /** An SCP level: usually everything allowed, else an allow list; half the time a guardrail Deny. */
  private String scpLevel() {
    return guarded(random.nextInt(5) > 0 ? "{\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\"}"
        : "{\"Effect\": \"Allow\", \"Action\": " + json(pick(actions, 1 + random.nextInt(2))) + ", \"Resource\": \"*\"}");
  }

  /** An SCP level of {@code allow}, half the time with a guardrail Deny. */
  private String guarded(String allow) {
    if (random.nextBoolean()) {
      return allow;
    }
    String condition = random.nextBoolean() ? GUARDRAILS.get(random.nextInt(GUARDRAILS.size())) : condition(CONDITIONS);
    return allow + ", {\"Effect\": \"Deny\", " + (catalog && random.nextInt(4) == 0 ? "\"NotAction\": " : "\"Action\": ")
        + json(pick(actions, 1 + random.nextInt(2))) + ", \"Resource\": \"*\", \"Condition\": {" + condition + "}}";
  }

  /** An RCP level: none, one or two Deny statements of every principal on services RCPs govern. */
  private String rcpLevel() {
    List<String> statements = new ArrayList<>();
    for (int i = random.nextInt(3); i > 0; i--) {
      String action = List.of("s3:*", "sqs:*", "kms:Decrypt", "s3:GetObject", "sts:*").get(random.nextInt(5));
      String condition = random.nextInt(4) > 0 ? RCP_CONDITIONS.get(random.nextInt(RCP_CONDITIONS.size())) : condition(CONDITIONS);
      statements.add("{\"Effect\": \"Deny\", \"Principal\": \"*\", \"Action\": \"" + action + "\", \"Resource\": \"*\", \"Condition\": {"
          + condition + "}}");
    }
    return String.join(", ", statements);
  }

  private String bucketPolicy() {
    List<String> statements = new ArrayList<>();
    for (int i = random.nextInt(2) + 1; i > 0; i--) {
      String effect = random.nextInt(4) == 0 ? "Deny" : "Allow";
      String granted = json(pick(List.of("s3:GetObject", "s3:*", "s3:ListBucket", "s3:Get*", "s3:PutObject"), 1 + random.nextInt(2)));
      String resources = json(pick(List.of(BUCKET + "/*", BUCKET, BUCKET + "/${aws:username}/*", BUCKET + "/k?"), 1 + random.nextInt(2)));
      String s = "{\"Effect\": \"" + effect + "\", \"Principal\": " + GRANTEES.get(random.nextInt(GRANTEES.size())) + ", \"Action\": "
          + granted + ", \"Resource\": " + resources;
      if (random.nextInt(3) == 0) {
        s += ", \"Condition\": {" + condition(CONDITIONS) + "}";
      }
      statements.add(s + "}");
    }
    return String.join(", ", statements);
  }

  private String trust() {
    String principal = random.nextBoolean() ? "{\"AWS\": \"" + USER_ARN + "\"}" : "{\"AWS\": \"arn:aws:iam::" + ID + ":root\"}";
    String s = "{\"Effect\": \"Allow\", \"Principal\": " + principal + ", \"Action\": \"sts:AssumeRole\"";
    if (random.nextInt(3) == 0) {
      s += ", \"Condition\": {" + List.of("\"Bool\": {\"aws:MultiFactorAuthPresent\": \"true\"}", "\"IpAddress\": {\"aws:SourceIp\": \"10.0.0.0/8\"}",
          "\"StringEquals\": {\"aws:PrincipalTag/team\": \"red\"}").get(random.nextInt(3)) + "}";
    }
    return s + "}";
  }

  private List<String> pick(List<String> pool, int count) {
    Set<String> out = new LinkedHashSet<>();
    for (int i = 0; i < count; i++) {
      out.add(pool.get(random.nextInt(pool.size())));
    }
    return List.copyOf(out);
  }

  private static String json(List<String> values) {
    return values.size() == 1 ? "\"" + values.get(0) + "\"" : "[\"" + String.join("\", \"", values) + "\"]";
  }
}
