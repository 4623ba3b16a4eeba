package dev.iamunit.iac.internal;

import dev.iamunit.iac.LoadOptions;
import dev.iamunit.iac.LoadReport;
import dev.iamunit.iac.cloudformation.CloudFormationLoader;
import dev.iamunit.iac.terraform.TerraformLoader;
import dev.iamunit.model.Account;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Writes a small Terraform configuration or CloudFormation template of a test and loads it through the public loaders. */
record Sources(Path folder) {

  static final String KMS_USER_POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"kms:Encrypt\","
      + "\"Resource\":\"*\"}]}";

  LoadOptions options() {
    return LoadOptions.defaults().withProjectRoot(folder).withAwsManagedPolicies(arn -> Optional.empty());
  }

  Path write(String name, String text) {
    try {
      Path file = folder.resolve(name);
      Files.createDirectories(file.getParent());
      Files.writeString(file, text);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Loads {@code main.tf} of its own folder {@code name}. */
  Loaded terraform(String name, String text) {
    Path file = write(name + "/main.tf", text);
    Account.Builder builder = Account.builder();
    LoadReport report = TerraformLoader.loadInto(file.getParent(), options(), builder);
    return new Loaded(builder.build(), report);
  }

  Loaded cloudFormation(String name, String text) {
    Path file = write(name, text);
    Account.Builder builder = Account.builder();
    LoadReport report = CloudFormationLoader.loadInto(List.of(file), options(), builder);
    return new Loaded(builder.build(), report);
  }

  record Loaded(Account account, LoadReport report) {}
}
