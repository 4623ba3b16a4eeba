package dev.iamunit.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iamunit.IamUnitException;
import dev.iamunit.policy.PolicyKind;
import dev.iamunit.policy.PolicyParser;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The accounts of a load: found by id, by the organization's names, and as the owners of ARNs. */
class AccountsTests {

  private static final SourceLocation AT = SourceLocation.of("org.tf", 1, 1);
  private static final Policy FULL = policy("FullAWSAccess", "Allow", "*");
  private static final Policy PROTECT_TRAIL = policy("protect-trail", "Deny", "cloudtrail:StopLogging");
  private static final Policy REGION_LOCK = policy("region-lock", "Deny", "ec2:*");
  private static final Policy RCP = policy("rcp", "Deny", "s3:*");

  /** Root r-1 (protect-trail SCP, an RCP) → Workloads (region-lock) → prod, dev; sandbox under the root; management 999. */
  private static final OrganizationTree TREE = new OrganizationTree("r-1", Optional.of("999999999999"),
      OrganizationTree.ScpRule.AWS_DEFAULT, true,
      List.of(new OrganizationTree.Unit("ou-w", "Workloads", "r-1", AT)),
      List.of(new OrganizationTree.Member("111111111111", "prod", "ou-w", AT),
          new OrganizationTree.Member("222222222222", "dev", "ou-w", AT),
          new OrganizationTree.Member("333333333333", "sandbox", "r-1", AT)),
      List.of(control("p-trail", false, PROTECT_TRAIL, "r-1"), control("p-region", false, REGION_LOCK, "ou-w"),
          control("p-rcp", true, RCP, "r-1")),
      AT);

  private static Accounts organization() {
    Accounts.Builder builder = Accounts.builder("999999999999", "aws", "us-east-1");
    builder.account("111111111111").user(user("deployer", "111111111111"));
    builder.account("222222222222").user(user("deployer", "222222222222"))
        .resourcePolicy("arn:aws:s3:::dev-artifacts", policy("bucket", "Allow", "s3:GetObject"));
    return builder.organization(TREE, FULL).build();
  }

  @Test
  void theHomeAccountComesFirstAndEveryMemberAccountIsThereEvenWithoutPrincipals() {
    Accounts accounts = organization();

    assertThat(accounts.home().id()).isEqualTo("999999999999");
    assertThat(accounts.all()).extracting(Account::id)
        .containsExactly("999999999999", "111111111111", "222222222222", "333333333333");
    assertThat(accounts.byId("333333333333").orElseThrow().users()).isEmpty();
    assertThat(accounts.byId("444444444444")).isEmpty();
    assertThat(accounts.tree()).contains(TREE);
  }

  @Test
  void aPrincipalNameMayBeDeclaredOnceInEachAccount() {
    Accounts accounts = organization();

    assertThat(accounts.named("prod").orElseThrow().user("deployer").orElseThrow().arn())
        .isEqualTo("arn:aws:iam::111111111111:user/deployer");
    assertThat(accounts.named("dev").orElseThrow().user("deployer").orElseThrow().arn())
        .isEqualTo("arn:aws:iam::222222222222:user/deployer");
  }

  @ParameterizedTest(name = "{0} is account {1}")
  @CsvSource({
      "prod, 111111111111",
      "222222222222, 222222222222",
      "sandbox, 333333333333",
      "999999999999, 999999999999"})
  void anAccountIsNamedByItsOrganizationNameOrItsId(String nameOrId, String id) {
    assertThat(organization().named(nameOrId).orElseThrow().id()).isEqualTo(id);
  }

  @Test
  void aNameTheOrganizationDoesNotGiveNamesNoAccount() {
    assertThat(organization().named("staging")).isEmpty();
  }

  /**
   * Two accounts may be given one name (an account's name is a label; its id is what AWS keeps
   * unique): the name alone does not say which account a user means, so a lookup of one fails,
   * naming each by its id, rather than taking the first.
   */
  @Test
  void aNameTwoAccountsShareNamesNoOneAccountAndTheErrorNamesTheirIds() {
    OrganizationTree twoProds = new OrganizationTree("r-1", Optional.of("999999999999"), OrganizationTree.ScpRule.AWS_DEFAULT, true,
        List.of(new OrganizationTree.Unit("ou-w", "Workloads", "r-1", AT)),
        List.of(new OrganizationTree.Member("111111111111", "prod", "ou-w", AT), new OrganizationTree.Member("444444444444", "prod", "r-1", AT)),
        List.of(), AT);
    Accounts accounts = Accounts.builder("999999999999", "aws", "us-east-1").organization(twoProds, FULL).build();

    assertThat(accounts.allNamed("prod")).extracting(Account::id).containsExactly("111111111111", "444444444444");
    assertThatThrownBy(() -> accounts.named("prod")).isInstanceOf(IamUnitException.class).hasMessage(
        "\"prod\" names 2 accounts of the organization, Workloads/prod (111111111111), Root/prod (444444444444): account names need "
            + "not be unique, so give the path or the id of the one you mean");
    assertThat(accounts.named("444444444444")).map(Account::id).contains("444444444444");
    assertThat(accounts.named("Workloads/prod")).map(Account::id).contains("111111111111");
    assertThat(accounts.named("Root/prod")).map(Account::id).contains("444444444444");
  }

  /** Two accounts of one name under one parent have one path: only their ids tell them apart, and the error says so. */
  @Test
  void aNameTwoAccountsOfOneParentShareAsksForTheId() {
    OrganizationTree twins = new OrganizationTree("r-1", Optional.of("999999999999"), OrganizationTree.ScpRule.AWS_DEFAULT, true,
        List.of(new OrganizationTree.Unit("ou-w", "Workloads", "r-1", AT)),
        List.of(new OrganizationTree.Member("111111111111", "prod", "ou-w", AT), new OrganizationTree.Member("444444444444", "prod", "ou-w", AT)),
        List.of(), AT);
    Accounts accounts = Accounts.builder("999999999999", "aws", "us-east-1").organization(twins, FULL).build();

    assertThat(accounts.allNamed("Workloads/prod")).extracting(Account::id).containsExactly("111111111111", "444444444444");
    assertThatThrownBy(() -> accounts.named("Workloads/prod")).isInstanceOf(IamUnitException.class).hasMessage(
        "\"Workloads/prod\" names 2 accounts of the organization, prod (111111111111), prod (444444444444): account names need not be "
            + "unique, so give the id of the one you mean");
  }

  /** Units of different parents may share a name: only the unit's path or id says which one is meant. */
  @Test
  void aUnitNameTwoUnitsShareNamesNoOneUnit() {
    Accounts accounts = twoProdUnits();

    assertThatThrownBy(() -> accounts.under("Prod")).isInstanceOf(IamUnitException.class).hasMessage(
        "\"Prod\" names 2 organizational units, Workloads/Prod (ou-wp, org.tf:1:1), Sandboxes/Prod (ou-sp, org.tf:1:1): give the path "
            + "or the id of the one you mean");
    assertThat(accounts.under("ou-sp").orElseThrow()).extracting(Account::id).containsExactly("444444444444");
    assertThat(accounts.under("Sandboxes").orElseThrow()).extracting(Account::id).containsExactly("444444444444");
  }

  /** A path names a unit from the root down, each name a child of the one before: units of one name are told apart by their parents. */
  @ParameterizedTest(name = "{0} holds {1}")
  @CsvSource({
      "Workloads/Prod, 111111111111",
      "Root/Workloads/Prod, 111111111111",
      "r-1/Sandboxes/Prod, 444444444444",
      "Sandboxes/Prod, 444444444444",
      "Root/Sandboxes, 444444444444",
      "Workloads, 111111111111"})
  void aPathNamesOneUnitOfANameTwoUnitsShare(String path, String account) {
    assertThat(twoProdUnits().under(path).orElseThrow()).extracting(Account::id).containsExactly(account);
  }

  /** A path must start at the root: Prod is not a unit directly under it, and a unit's path is not an account's. */
  @ParameterizedTest
  @CsvSource({"Prod/Workloads", "Workloads/Sandboxes", "Workloads/Prod/prod", "Root/Prod"})
  void aPathThatDoesNotLeadFromTheRootNamesNoUnit(String path) {
    assertThat(twoProdUnits().under(path)).isEmpty();
  }

  /** An account's path ends in its name: the account under the path's last unit. */
  @ParameterizedTest(name = "{0} is account {1}")
  @CsvSource({"Workloads/Prod/prod, 111111111111", "Root/Sandboxes/Prod/try, 444444444444"})
  void aPathNamesAnAccountUnderItsUnit(String path, String id) {
    assertThat(twoProdUnits().named(path)).map(Account::id).contains(id);
  }

  @ParameterizedTest
  @CsvSource({"Workloads/prod", "Sandboxes/Prod/prod", "Workloads/Prod"})
  void aPathWhereNoAccountOfItsNameIsNamesNoAccount(String path) {
    assertThat(twoProdUnits().named(path)).isEmpty();
  }

  @Test
  void aPathWithAnEmptyNameIsAnError() {
    assertThatThrownBy(() -> twoProdUnits().under("Workloads//Prod")).isInstanceOf(IamUnitException.class).hasMessage(
        "\"Workloads//Prod\" is a path with an empty name in it: write the names of the organizational units from the root down, "
            + "separated by a single /, such as Workloads/Prod (a / inside a name is written \\/)");
  }

  /**
   * An OU or account name may hold a / ("a string of any of the characters in the ASCII character
   * range", AWS Organizations API Reference, OrganizationalUnit: Name, and Account: Name): written
   * \/ it is part of the name; written bare, the text is a path, and when that path names nothing,
   * the error says how to write the name.
   */
  @Test
  void aSlashInANameIsWrittenEscaped() {
    OrganizationTree slashes = new OrganizationTree("r-1", Optional.of("999999999999"), OrganizationTree.ScpRule.AWS_DEFAULT, true,
        List.of(new OrganizationTree.Unit("ou-ab", "Team A/B", "r-1", AT), new OrganizationTree.Unit("ou-c", "C", "ou-ab", AT)),
        List.of(new OrganizationTree.Member("111111111111", "web/prod", "ou-c", AT)),
        List.of(), AT);
    Accounts accounts = Accounts.builder("999999999999", "aws", "us-east-1").organization(slashes, FULL).build();

    assertThat(accounts.under("Team A\\/B").orElseThrow()).extracting(Account::id).containsExactly("111111111111");
    assertThat(accounts.under("Team A\\/B/C").orElseThrow()).extracting(Account::id).containsExactly("111111111111");
    assertThat(accounts.named("Team A\\/B/C/web\\/prod")).map(Account::id).contains("111111111111");
    assertThat(accounts.named("web\\/prod")).map(Account::id).contains("111111111111");
    assertThat(OrganizationPath.of(slashes, "111111111111")).map(Object::toString).contains("Team A\\/B/C/web\\/prod");
    assertThatThrownBy(() -> accounts.under("Team A/B")).isInstanceOf(IamUnitException.class).hasMessage(
        "\"Team A/B\" is read as a path from the root (Team A, then B), which names no organizational unit; to name the "
            + "organizational unit whose name is \"Team A/B\", write each / in it as \\/: \"Team A\\/B\"");
    assertThatThrownBy(() -> accounts.named("web/prod")).isInstanceOf(IamUnitException.class).hasMessage(
        "\"web/prod\" is read as a path from the root (web, then prod), which names no account; to name the "
            + "account whose name is \"web/prod\", write each / in it as \\/: \"web\\/prod\"");
  }

  private static Accounts twoProdUnits() {
    OrganizationTree tree = new OrganizationTree("r-1", Optional.of("999999999999"), OrganizationTree.ScpRule.AWS_DEFAULT, true,
        List.of(new OrganizationTree.Unit("ou-w", "Workloads", "r-1", AT), new OrganizationTree.Unit("ou-wp", "Prod", "ou-w", AT),
            new OrganizationTree.Unit("ou-s", "Sandboxes", "r-1", AT), new OrganizationTree.Unit("ou-sp", "Prod", "ou-s", AT)),
        List.of(new OrganizationTree.Member("111111111111", "prod", "ou-wp", AT), new OrganizationTree.Member("444444444444", "try", "ou-sp", AT)),
        List.of(), AT);
    return Accounts.builder("999999999999", "aws", "us-east-1").organization(tree, FULL).build();
  }

  @ParameterizedTest(name = "{0} is owned by {1}")
  @CsvSource({
      "arn:aws:iam::111111111111:role/deploy, 111111111111",
      "arn:aws:sqs:eu-west-1:222222222222:queue, 222222222222",
      // S3 ARNs hold no account: the account that declares the bucket's policy owns it and its objects.
      "arn:aws:s3:::dev-artifacts, 222222222222",
      "arn:aws:s3:::dev-artifacts/build/app.zip, 222222222222"})
  void theOwnerOfAResourceIsTheAccountItsArnNames(String arn, String owner) {
    assertThat(organization().owning(arn).orElseThrow().id()).isEqualTo(owner);
  }

  /** An account the sources do not load, or a bucket no loaded account declares a policy for: the owner is not known. */
  @ParameterizedTest
  @CsvSource({"arn:aws:s3:eu-west-1:444444444444:accesspoint/x", "arn:aws:s3:::elsewhere", "*"})
  void aResourceNoLoadedAccountHoldsHasNoKnownOwner(String arn) {
    assertThat(organization().owning(arn)).isEmpty();
  }

  /**
   * "an explicit Allow statement" is needed "at every level from the root through each OU in the
   * direct path to the account (including the target account itself)" (AWS Organizations User
   * Guide, SCP evaluation); "SCPs don't affect users or roles in the management account" (Service
   * control policies (SCPs)).
   */
  @Test
  void eachAccountHasTheLevelsOfItsOwnPathAndTheManagementAccountNone() {
    Accounts accounts = organization();

    assertThat(accounts.named("prod").orElseThrow().organization().serviceControlPolicies())
        .containsExactly(List.of(FULL, PROTECT_TRAIL), List.of(FULL, REGION_LOCK), List.of(FULL));
    assertThat(accounts.named("sandbox").orElseThrow().organization().serviceControlPolicies())
        .containsExactly(List.of(FULL, PROTECT_TRAIL), List.of(FULL));
    assertThat(accounts.named("dev").orElseThrow().organization().resourceControlPolicies())
        .containsExactly(List.of(RCP), List.of(), List.of());
    assertThat(accounts.home().organization().serviceControlPolicies()).isEmpty();
    assertThat(accounts.home().organization().resourceControlPolicies()).isEmpty();
    assertThat(accounts.home().organization().tree()).contains(TREE);
  }

  /**
   * The levels of many accounts at once (an organization's load) are each account's own: the same
   * policies in the same order, a policy attached twice to one target listed once, no levels for
   * the management account, an account outside the tree, or one whose parent is not an OU.
   */
  @Test
  void theLevelsOfManyAccountsAreEachAccountsOwnLevels() {
    OrganizationTree tree = new OrganizationTree("r-1", Optional.of("999999999999"), OrganizationTree.ScpRule.MANAGED, true,
        List.of(new OrganizationTree.Unit("ou-w", "Workloads", "r-1", AT), new OrganizationTree.Unit("ou-p", "Prod", "ou-w", AT)),
        List.of(new OrganizationTree.Member("111111111111", "prod", "ou-p", AT), new OrganizationTree.Member("222222222222", "dev", "ou-w", AT),
            new OrganizationTree.Member("333333333333", "lost", "ou-gone", AT), new OrganizationTree.Member("999999999999", "mgmt", "r-1", AT)),
        List.of(new OrganizationTree.ControlPolicy("p-full", false, FULL, List.of(new OrganizationTree.Target("r-1", AT),
                new OrganizationTree.Target("ou-w", AT), new OrganizationTree.Target("ou-p", AT), new OrganizationTree.Target("111111111111", AT))),
            new OrganizationTree.ControlPolicy("p-trail", false, PROTECT_TRAIL, List.of(new OrganizationTree.Target("ou-w", AT),
                new OrganizationTree.Target("ou-w", AT), new OrganizationTree.Target("222222222222", AT))),
            control("p-region", false, REGION_LOCK, "ou-w"), control("p-rcp", true, RCP, "ou-p")),
        AT);
    List<String> ids = List.of("111111111111", "222222222222", "333333333333", "999999999999", "444444444444");

    Map<String, Organization> levels = tree.levels(ids, FULL);

    assertThat(levels).containsOnlyKeys(ids);
    ids.forEach(id -> assertThat(levels.get(id)).as(id).isEqualTo(tree.levels(id, FULL)));
    assertThat(levels.get("111111111111").serviceControlPolicies())
        .containsExactly(List.of(FULL), List.of(FULL, PROTECT_TRAIL, REGION_LOCK), List.of(FULL), List.of(FULL));
    assertThat(levels.get("111111111111").resourceControlPolicies()).containsExactly(List.of(), List.of(), List.of(RCP), List.of());
    assertThat(levels.get("222222222222").serviceControlPolicies()).containsExactly(List.of(FULL), List.of(FULL, PROTECT_TRAIL, REGION_LOCK),
        List.of(PROTECT_TRAIL));
    assertThat(levels.get("333333333333").serviceControlPolicies()).isEmpty();
    assertThat(levels.get("999999999999").serviceControlPolicies()).isEmpty();
  }

  @Test
  void theAccountsUnderAUnitAreThoseWhosePathPassesIt() {
    Accounts accounts = organization();

    assertThat(accounts.under("Workloads").orElseThrow()).extracting(Account::id).containsExactly("111111111111", "222222222222");
    assertThat(accounts.under("ou-w").orElseThrow()).extracting(Account::id).containsExactly("111111111111", "222222222222");
    assertThat(accounts.under("Root").orElseThrow()).extracting(Account::id)
        .containsExactly("111111111111", "222222222222", "333333333333");
    assertThat(accounts.under("Sandboxes")).isEmpty();
    assertThat(accounts.describe(accounts.all())).isEqualTo("999999999999, prod (111111111111), dev (222222222222), sandbox (333333333333)");
  }

  @Test
  void oneAccountIsItsOwnHome() {
    Account account = Account.builder().id("123456789012").user(user("ci", "123456789012")).build();
    Accounts accounts = Accounts.of(account);

    assertThat(accounts.home()).isSameAs(account);
    assertThat(accounts.all()).containsExactly(account);
    assertThat(accounts.owning("arn:aws:iam::123456789012:user/ci")).contains(account);
    assertThat(accounts.tree()).isEmpty();
  }

  /** The accounts a principal's name may be meant in: the home account first, else each that declares it. */
  @Test
  void homesOfANameAreTheHomeAccountFirstElseEveryAccountThatDeclaresIt() {
    Accounts accounts = organization();
    Accounts homeDeclares = Accounts.builder("111111111111", "aws", "us-east-1").add(accounts.byId("111111111111").orElseThrow())
        .add(accounts.byId("222222222222").orElseThrow()).build();

    assertThat(accounts.homesOf(false, "deployer")).extracting(Account::id).containsExactly("111111111111", "222222222222");
    assertThat(homeDeclares.homesOf(false, "deployer")).extracting(Account::id).containsExactly("111111111111");
    assertThat(accounts.homesOf(false, "nobody")).extracting(Account::id).containsExactly("999999999999");
    assertThat(accounts.homesOf(true, "deployer")).extracting(Account::id).containsExactly("999999999999");
  }

  private static User user(String name, String account) {
    return new User(name, "/", "arn:aws:iam::" + account + ":user/" + name, Map.of(), List.of(), List.of(), List.of(),
        Optional.empty(), AT);
  }

  private static Policy policy(String name, String effect, String action) {
    return PolicyParser.parse("""
        {"Version":"2012-10-17","Statement":[{"Effect":"%s","Action":"%s","Resource":"*"}]}""".formatted(effect, action),
        "org.tf", PolicyKind.SERVICE_CONTROL, name);
  }

  private static OrganizationTree.ControlPolicy control(String id, boolean rcp, Policy policy, String target) {
    return new OrganizationTree.ControlPolicy(id, rcp, policy, List.of(new OrganizationTree.Target(target, AT)));
  }
}
