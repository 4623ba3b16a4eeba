package dev.iamunit.cli.source;

import dev.iamunit.iac.LoadOptions;
import dev.iamunit.model.Account;
import dev.iamunit.model.ManagedPolicy;
import dev.iamunit.model.Policy;
import dev.iamunit.model.Statement;
import java.nio.file.Path;

/**
 * A plain policy document in a {@code .json} file. An identity-based document becomes a customer
 * managed policy named after the file ({@code force_mfa.json} is
 * {@code arn:aws:iam::123456789012:policy/force_mfa} in the options' account); a document with a
 * Principal becomes a resource-based policy keyed by the file, since no resource is known.
 */
public final class PolicyFileLoader implements SourceLoader {

  @Override
  public boolean accepts(Path file) {
    return file.getFileName().toString().endsWith(".json");
  }

  @Override
  public Account load(Path file, LoadOptions options) {
    Policy policy = PolicyFiles.read(file);
    Account.Builder account = Account.builder().id(options.accountId()).partition(options.partition()).region(options.region());
    boolean resourceBased = policy.statements().stream().map(Statement::principal).anyMatch(java.util.Optional::isPresent);
    if (resourceBased) {
      account.resourcePolicy(file.toString(), policy);
    } else {
      String name = stem(file);
      String arn = "arn:" + options.partition() + ":iam::" + options.accountId() + ":policy/" + name;
      account.managedPolicy(new ManagedPolicy(arn, name, "/", policy, false));
    }
    return account.build();
  }

  private static String stem(Path file) {
    String name = file.getFileName().toString();
    return name.substring(0, name.length() - ".json".length());
  }
}
