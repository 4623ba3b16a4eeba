package dev.iamunit.diff.space;

import dev.iamunit.model.Account;
import dev.iamunit.model.Policy;
import dev.iamunit.model.SourceLocation;
import dev.iamunit.model.User;
import dev.iamunit.policy.PolicyKind;
import dev.iamunit.policy.PolicyParser;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Accounts of one user (or two) with one inline policy each, built from statement JSON. */
final class Accounts {

  static final String ID = "123456789012";

  private Accounts() {}

  /** An account whose users {@code names} each hold an inline policy of {@code statements} (JSON objects, comma-separated). */
  static Account withUsers(String statements, String... names) {
    Account.Builder account = Account.builder().id(ID);
    for (String name : names) {
      Policy policy = PolicyParser.parse("{\"Version\": \"2012-10-17\", \"Statement\": [" + statements + "]}", "main.tf",
          PolicyKind.IDENTITY, "Policy");
      account.user(new User(name, "/", "arn:aws:iam::" + ID + ":user/" + name, Map.of(), List.of(), List.of(policy), List.of(),
          Optional.empty(), SourceLocation.UNKNOWN));
    }
    return account.build();
  }
}
