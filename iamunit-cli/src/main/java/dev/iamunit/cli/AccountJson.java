package dev.iamunit.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.iamunit.iac.HomeAccount;
import dev.iamunit.iac.LoadReport;
import dev.iamunit.iac.LoadedSources;
import dev.iamunit.model.Account;
import dev.iamunit.model.AccountAssignment;
import dev.iamunit.model.Accounts;
import dev.iamunit.model.Condition;
import dev.iamunit.model.Existence;
import dev.iamunit.model.Group;
import dev.iamunit.model.ManagedPolicy;
import dev.iamunit.model.OrganizationTree;
import dev.iamunit.model.PermissionSet;
import dev.iamunit.model.Policy;
import dev.iamunit.model.PrincipalElement;
import dev.iamunit.model.Role;
import dev.iamunit.model.SourceLocation;
import dev.iamunit.model.Statement;
import dev.iamunit.model.Unresolved;
import dev.iamunit.model.User;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code show --json}: the schema is in the module README. */
final class AccountJson {

  private final JsonGenerator json;
  private List<Unresolved> known = List.of();
  private Accounts loadedAccounts;

  AccountJson(JsonGenerator json) {
    this.json = json;
  }

  void write(String source, LoadedSources loaded, HomeAccount home) throws IOException {
    Account account = loaded.account();
    known = account.unresolved();
    loadedAccounts = loaded.accounts();
    json.writeStartObject();
    json.writeStringField("source", source);
    strings("files", loaded.report().files());
    json.writeObjectFieldStart("homeAccount");
    json.writeStringField("accountId", home.id());
    json.writeStringField("rule", home.rule().name());
    json.writeStringField("description", LoadDefaults.homeLine(home));
    json.writeEndObject();
    contents(account);
    // The other accounts the sources place principals and policies in, each with its own levels.
    Accounts accounts = loaded.accounts();
    if (accounts.all().size() > 1) {
      json.writeStringField("accountId", account.id());
      json.writeArrayFieldStart("otherAccounts");
      for (Account other : accounts.all()) {
        if (other != account) {
          json.writeStartObject();
          json.writeStringField("accountId", other.id());
          Optional<String> name = accounts.tree().flatMap(t -> t.account(other.id())).map(m -> m.name());
          if (name.isPresent()) {
            json.writeStringField("name", name.get());
          }
          contents(other);
          json.writeEndObject();
        }
      }
      json.writeEndArray();
    }
    if (account.organization().tree().isPresent()) {
      organization(account.organization().tree().get());
    }
    json.writeArrayFieldStart("unresolved");
    for (Unresolved value : account.unresolved()) {
      unresolved(value);
    }
    json.writeEndArray();
    json.writeArrayFieldStart("problems");
    for (LoadReport.Problem problem : loaded.report().problems()) {
      json.writeStartObject();
      json.writeStringField("message", problem.message());
      location("location", problem.location());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  /** What one account holds: its principals, managed and resource policies, and the organization's levels above it. */
  private void contents(Account account) throws IOException {
    json.writeArrayFieldStart("users");
    for (User user : account.users().values()) {
      json.writeStartObject();
      principal(user.name(), user.arn(), user.location());
      strings("groups", user.groups());
      strings("managedPolicies", user.managedPolicyArns());
      existence(user.existence(), user.managedPolicyArns(), user.groups());
      optional("permissionsBoundary", user.permissionsBoundaryArn());
      policies("inlinePolicies", user.inlinePolicies());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeArrayFieldStart("groups");
    for (Group group : account.groups().values()) {
      json.writeStartObject();
      principal(group.name(), group.arn(), group.location());
      strings("managedPolicies", group.managedPolicyArns());
      existence(group.existence(), group.managedPolicyArns(), List.of());
      policies("inlinePolicies", group.inlinePolicies());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeArrayFieldStart("roles");
    for (Role role : account.roles().values()) {
      json.writeStartObject();
      principal(role.name(), role.arn(), role.location());
      optionalPolicy("trustPolicy", role.trustPolicy());
      strings("managedPolicies", role.managedPolicyArns());
      existence(role.existence(), role.managedPolicyArns(), List.of());
      optional("permissionsBoundary", role.permissionsBoundaryArn());
      policies("inlinePolicies", role.inlinePolicies());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeArrayFieldStart("managedPolicies");
    for (ManagedPolicy managed : account.managedPolicies().values()) {
      json.writeStartObject();
      json.writeStringField("arn", text(managed.arn()));
      json.writeStringField("name", text(managed.name()));
      json.writeBooleanField("awsManaged", managed.awsManaged());
      json.writeFieldName("policy");
      policy(managed.document());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeArrayFieldStart("resourcePolicies");
    for (Map.Entry<String, Policy> entry : account.resourcePolicies().entrySet()) {
      json.writeStartObject();
      json.writeStringField("resource", text(entry.getKey()));
      json.writeFieldName("policy");
      policy(entry.getValue());
      json.writeEndObject();
    }
    json.writeEndArray();
    if (!account.organization().serviceControlPolicies().isEmpty()) {
      json.writeStringField("scpRule", account.organization().scpRule().name());
      json.writeStringField("scpRuleDescription", account.organization().scpRule().description());
    }
    organizationPolicies("serviceControlPolicies", account.organization().serviceControlPolicies());
    organizationPolicies("resourceControlPolicies", account.organization().resourceControlPolicies());
    permissionSets(account);
  }

  /** A name or ARN as written, each unresolved part as {@code <unresolved: expression>}. */
  private String text(String value) {
    return Unresolved.readable(value, known);
  }

  private void principal(String name, String arn, SourceLocation location) throws IOException {
    json.writeStringField("name", text(name));
    json.writeStringField("arn", text(arn));
    location("location", location);
  }

  /** The IAM Identity Center permission sets and their assignments, each with the role provisioned in the assigned account. */
  private void permissionSets(Account account) throws IOException {
    json.writeArrayFieldStart("permissionSets");
    for (PermissionSet set : account.permissionSets().values()) {
      json.writeStartObject();
      json.writeStringField("name", text(set.name()));
      location("location", set.location());
      optionalPolicy("inlinePolicy", set.inlinePolicy());
      strings("awsManagedPolicies", set.awsManagedPolicyArns());
      strings("customerManagedPolicies", set.customerManagedPolicies().stream().map(Object::toString).toList());
      optional("permissionsBoundary", set.permissionsBoundary().map(b -> b instanceof PermissionSet.AwsManaged aws ? aws.arn() : b.toString()));
      json.writeArrayFieldStart("assignments");
      for (AccountAssignment a : account.assignments()) {
        if (a.permissionSet().equals(set.name())) {
          json.writeStartObject();
          json.writeStringField("accountId", text(a.accountId()));
          json.writeStringField("principalType", a.principalType().name());
          json.writeStringField("principalId", text(a.principalId()));
          optional("role", loadedAccounts.byId(a.accountId()).flatMap(target -> target.provisionedRole(set)).map(Role::arn));
          location("location", a.location());
          json.writeEndObject();
        }
      }
      json.writeEndArray();
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  private void optionalPolicy(String field, Optional<Policy> policy) throws IOException {
    json.writeFieldName(field);
    if (policy.isPresent()) {
      policy(policy.get());
    } else {
      json.writeNull();
    }
  }

  /**
   * What of the principal exists only if unresolved values say so ({@link Existence}): the
   * principal itself, and each attachment or membership a resource of unknown existence makes, in
   * the order of {@code arns} and {@code groups}; empty when certain.
   */
  private void existence(Existence existence, List<String> arns, List<String> groups) throws IOException {
    json.writeArrayFieldStart("existsOnlyIf");
    for (Unresolved value : existence.principal()) {
      unresolved(value);
    }
    json.writeEndArray();
    uncertain("uncertainManagedPolicies", arns, existence.attachments());
    if (!groups.isEmpty() || !existence.memberships().isEmpty()) {
      uncertain("uncertainGroups", groups, existence.memberships());
    }
  }

  private void uncertain(String field, List<String> keys, Map<String, List<Unresolved>> uncertain) throws IOException {
    json.writeObjectFieldStart(field);
    for (String key : keys) {
      if (uncertain.containsKey(key)) {
        json.writeArrayFieldStart(text(key));
        for (Unresolved value : uncertain.get(key)) {
          unresolved(value);
        }
        json.writeEndArray();
      }
    }
    json.writeEndObject();
  }

  /** Organization policies as one array per level, from the organization's root down to the account. */
  private void organizationPolicies(String field, List<List<Policy>> levels) throws IOException {
    json.writeArrayFieldStart(field);
    for (List<Policy> level : levels) {
      json.writeStartArray();
      for (Policy policy : level) {
        policy(policy);
      }
      json.writeEndArray();
    }
    json.writeEndArray();
  }

  /** The organization tree as declared: root, OUs, accounts, and each SCP's and RCP's targets. */
  private void organization(OrganizationTree tree) throws IOException {
    json.writeObjectFieldStart("organization");
    json.writeStringField("rootId", text(tree.rootId()));
    json.writeStringField("scpRule", tree.scpRule().name());
    json.writeStringField("scpRuleDescription", tree.scpRule().description());
    json.writeBooleanField("rcpsEnabled", tree.rcpsEnabled());
    if (tree.managementAccountId().isPresent()) {
      json.writeStringField("managementAccountId", tree.managementAccountId().get());
    }
    json.writeArrayFieldStart("units");
    for (OrganizationTree.Unit unit : tree.units()) {
      node(unit.id(), unit.name(), unit.parentId(), unit.location());
    }
    json.writeEndArray();
    json.writeArrayFieldStart("accounts");
    for (OrganizationTree.Member member : tree.accounts()) {
      node(member.id(), member.name(), member.parentId(), member.location());
    }
    json.writeEndArray();
    json.writeArrayFieldStart("policies");
    for (OrganizationTree.ControlPolicy policy : tree.policies()) {
      json.writeStartObject();
      json.writeStringField("type", policy.resourceControl() ? "RESOURCE_CONTROL_POLICY" : "SERVICE_CONTROL_POLICY");
      json.writeStringField("name", text(policy.policy().name()));
      json.writeArrayFieldStart("targets");
      for (OrganizationTree.Target target : policy.targets()) {
        json.writeStartObject();
        json.writeStringField("id", text(target.id()));
        location("location", target.location());
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  private void node(String id, String name, String parentId, SourceLocation location) throws IOException {
    json.writeStartObject();
    json.writeStringField("id", text(id));
    json.writeStringField("name", text(name));
    json.writeStringField("parentId", text(parentId));
    location("location", location);
    json.writeEndObject();
  }

  private void policies(String field, List<Policy> policies) throws IOException {
    json.writeArrayFieldStart(field);
    for (Policy policy : policies) {
      policy(policy);
    }
    json.writeEndArray();
  }

  private void policy(Policy policy) throws IOException {
    json.writeStartObject();
    json.writeStringField("name", text(policy.name()));
    optional("version", policy.version());
    location("location", policy.location());
    json.writeArrayFieldStart("statements");
    for (Statement statement : policy.statements()) {
      statement(statement);
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  private void statement(Statement statement) throws IOException {
    json.writeStartObject();
    json.writeNumberField("index", statement.index());
    optional("sid", statement.sid());
    json.writeStringField("effect", statement.effect().json());
    location("location", statement.location());
    element("action", statement.action().elementName(), statement, statement.action().values(), statement.action().location());
    if (statement.resource().isPresent()) {
      var resource = statement.resource().get();
      element("resource", resource.elementName(), statement, resource.values(), resource.location());
    } else {
      json.writeNullField("resource");
    }
    json.writeFieldName("principal");
    if (statement.principal().isPresent()) {
      principalElement(statement, statement.principal().get());
    } else {
      json.writeNull();
    }
    json.writeArrayFieldStart("conditions");
    for (Condition condition : statement.conditions()) {
      json.writeStartObject();
      json.writeStringField("operator", condition.operator().name());
      json.writeStringField("key", condition.key());
      values("values", statement, condition.values());
      location("location", condition.location());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeArrayFieldStart("unresolved");
    for (Unresolved value : statement.unresolved()) {
      unresolved(value);
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  private void element(String field, String name, Statement statement, List<String> values, SourceLocation location)
      throws IOException {
    json.writeObjectFieldStart(field);
    json.writeStringField("element", name);
    values("values", statement, values);
    location("location", location);
    json.writeEndObject();
  }

  private void principalElement(Statement statement, PrincipalElement principal) throws IOException {
    json.writeStartObject();
    json.writeStringField("element", principal.elementName());
    json.writeBooleanField("anyone", principal.anyone());
    json.writeObjectFieldStart("byType");
    for (Map.Entry<String, List<String>> entry : principal.byType().entrySet()) {
      values(entry.getKey(), statement, entry.getValue());
    }
    json.writeEndObject();
    location("location", principal.location());
    json.writeEndObject();
  }

  private void values(String field, Statement statement, List<String> values) throws IOException {
    json.writeArrayFieldStart(field);
    for (String value : values) {
      json.writeString(AccountText.readable(statement, value));
    }
    json.writeEndArray();
  }

  private void unresolved(Unresolved value) throws IOException {
    json.writeStartObject();
    json.writeStringField("expression", value.expression());
    json.writeStringField("reason", value.reason());
    location("location", value.location());
    json.writeEndObject();
  }

  private void strings(String field, List<String> values) throws IOException {
    json.writeArrayFieldStart(field);
    for (String value : values) {
      json.writeString(text(value));
    }
    json.writeEndArray();
  }

  private void optional(String field, Optional<String> value) throws IOException {
    if (value.isPresent()) {
      json.writeStringField(field, text(value.get()));
    } else {
      json.writeNullField(field);
    }
  }

  private void location(String field, SourceLocation location) throws IOException {
    json.writeObjectFieldStart(field);
    json.writeStringField("file", location.file());
    json.writeNumberField("line", location.line());
    json.writeNumberField("column", location.column());
    json.writeStringField("address", location.address());
    json.writeEndObject();
  }
}
