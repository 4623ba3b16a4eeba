package dev.iamunit.iac;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.iamunit.model.OrganizationTree;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.apiguardian.api.API;

/**
 * The account a load's sources go to where they name none of their own ({@code AWS::AccountId},
 * {@code aws_caller_identity}), and the rule that chose it, which every tool applies and states:
 * an account the user gives wins; else the one the sources declare as theirs (the management
 * account of the organization they declare, {@link LoadedSources#declaredHome}, or the one account
 * they deploy everything to, such as a Terraform provider's {@code allowed_account_ids} or a CDK
 * app's stack {@code env}); else the load options' account, by default {@code 123456789012}.
 *
 * @param id the account id
 * @param rule the rule that chose it
 * @param reason what in the sources declares it, for {@link Rule#DECLARED}; else empty
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record HomeAccount(String id, Rule rule, String reason) {

  /** Which rule chose the home account. */
  public enum Rule {
    /** The user gave it (a CLI's {@code --account}, the Maven plugin's {@code <accountId>}). */
    GIVEN,
    /** The sources declare it. */
    DECLARED,
    /** Neither: the load options' account. */
    DEFAULT
  }

  public HomeAccount {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(reason, "reason");
  }

  /** Sources loaded into their home account, and the rule that chose it. */
  public record Loaded(LoadedSources sources, HomeAccount home) {}

  /**
   * Loads {@code sources} through {@code formats} into the home account the rule chooses. With no
   * account given, a load into the options' account shows what the sources declare; where they
   * declare an organization's management account, they load again into it, as a declared
   * organization is not told which account its sources run in otherwise.
   *
   * @param options the load's options: their account is the one given when {@code given}, else the default
   * @param given whether the user gave the options' account
   */
  public static Loaded load(SourceFormats formats, List<Path> sources, LoadOptions options, boolean given) {
    return load(o -> formats.load(sources, o), options, given);
  }

  /**
   * As {@link #load(SourceFormats, List, LoadOptions, boolean)}, the sources loaded by {@code
   * load} with the options it is given: for sources whose formats are named one by one ({@link
   * SourceFormats#loadSources}).
   */
  public static Loaded load(Function<LoadOptions, LoadedSources> load, LoadOptions options, boolean given) {
    LoadedSources loaded = load.apply(options);
    if (given) {
      return new Loaded(loaded, new HomeAccount(options.accountId(), Rule.GIVEN, ""));
    }
    if (loaded.declaredHome().isPresent()) {
      String management = loaded.declaredHome().get();
      String where = loaded.accounts().tree().map(OrganizationTree::location).map(at -> " declared at " + at).orElse("");
      return new Loaded(load.apply(options.withAccountId(management)),
          new HomeAccount(management, Rule.DECLARED, "the management account of the organization" + where));
    }
    String home = loaded.account().id();
    if (!home.equals(options.accountId())) {
      return new Loaded(loaded, new HomeAccount(home, Rule.DECLARED, "the one account the sources deploy into"));
    }
    return new Loaded(loaded, new HomeAccount(home, Rule.DEFAULT, ""));
  }

  /**
   * How a tool says it, {@code option} being how its user gives an account: "111111111111 (given
   * with --account)", "111111111111 (declared: the management account of the organization declared
   * at main.tf:1:1; --account gives another)", "123456789012 (the default: the sources declare no
   * account; --account gives another)".
   */
  public String description(String option) {
    return id + switch (rule) {
      case GIVEN -> " (given with " + option + ")";
      case DECLARED -> " (declared: " + reason + "; " + option + " gives another)";
      case DEFAULT -> " (the default: the sources declare no account; " + option + " gives another)";
    };
  }
}
