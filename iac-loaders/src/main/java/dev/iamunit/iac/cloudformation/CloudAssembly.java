package dev.iamunit.iac.cloudformation;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.iamunit.IamUnitException;
import dev.iamunit.document.DocNode;
import dev.iamunit.document.DocObject;
import dev.iamunit.document.DocScalar;
import dev.iamunit.document.JsonDocuments;
import dev.iamunit.iac.LoadOptions;
import dev.iamunit.iac.Partition;
import dev.iamunit.iac.LoadReport;
import dev.iamunit.iac.TemplateException;
import dev.iamunit.iac.internal.SourceText;
import dev.iamunit.model.Account;
import dev.iamunit.model.Accounts;
import dev.iamunit.model.SourceLocation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * An AWS CDK cloud assembly, as {@code cdk synth} writes it to {@code cdk.out}: its
 * {@code manifest.json} lists the artifacts, and each artifact of type
 * {@code aws:cloudformation:stack} is a stack, its template the file its {@code templateFile}
 * property names and its name the {@code stackName} property (else the artifact id). Artifacts of
 * type {@code cdk:cloud-assembly} (a stage) are assemblies of their own in the folder their
 * {@code directoryName} names. The stacks load as CloudFormation templates do, together (they
 * import each other's exports), their nested stacks through the {@code aws:asset:path} metadata
 * the CDK gives each {@code AWS::CloudFormation::Stack}, and principals are also found by their
 * construct path ({@code aws:cdk:path}). A stack's {@code environment} gives its
 * {@code AWS::AccountId} and {@code AWS::Region} when it fixes them; an environment-agnostic stack
 * takes the load options'. Nothing else of the assembly (assets, tree.json) is read.
 */
@API(status = INTERNAL, since = "0.1")
public final class CloudAssembly {

  static final String MANIFEST = "manifest.json";

  /**
   * A stack artifact's {@code environment}: {@code aws://ACCOUNT/REGION}, where an
   * environment-agnostic stack has {@code unknown-account} and {@code unknown-region} (the CDK's
   * {@code UNKNOWN_ACCOUNT}, {@code UNKNOWN_REGION}; AWS CDK Developer Guide, "Environments").
   */
  private static final Pattern ENVIRONMENT = Pattern.compile("aws://([^/]+)/([^/]+)");

  private CloudAssembly() {}

  /** The cloud assembly {@code folder} is, or its {@code cdk.out} holds: a folder with a manifest.json listing artifacts. */
  public static Optional<Path> of(Path folder) {
    for (Path candidate : List.of(folder, folder.resolve("cdk.out"))) {
      Path manifest = candidate.resolve(MANIFEST);
      if (Files.isRegularFile(manifest) && SourceText.read(manifest, manifest.toString(), "CDK", Long.MAX_VALUE).contains("\"artifacts\"")) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /**
   * Loads the stacks of cloud assemblies (folders {@link #of} accepts) into {@code builder}, as
   * {@link CloudFormationLoader#loadInto} loads templates.
   *
   * @throws TemplateException naming manifest.json and line when it is not a cloud assembly manifest
   */
  public static LoadReport loadInto(List<Path> assemblies, LoadOptions options, Account.Builder builder) {
    return CloudFormationLoader.loadStacks(stacks(assemblies, options), options, builder);
  }

  /** Like {@link #loadInto(List, LoadOptions, Account.Builder)}, into the accounts of a load: the stacks deploy into the options' account. */
  public static LoadReport loadInto(List<Path> assemblies, LoadOptions options, Accounts.Builder accounts) {
    return CloudFormationLoader.loadStacks(stacks(assemblies, options), options, accounts);
  }

  private static List<CloudFormationLoader.StackFile> stacks(List<Path> assemblies, LoadOptions options) {
    List<CloudFormationLoader.StackFile> stacks = new ArrayList<>();
    for (Path folder : assemblies) {
      Path assembly = of(folder).orElseThrow(() -> new TemplateException("no cloud assembly: " + folder + " holds no manifest.json "
          + "listing artifacts, nor does its cdk.out; run cdk synth", SourceLocation.of(folder.toString(), 0, 0)));
      stacks(assembly, options, stacks, 0);
    }
    return stacks;
  }

  private static void stacks(Path assembly, LoadOptions options, List<CloudFormationLoader.StackFile> stacks, int depth) {
    Path manifest = assembly.resolve(MANIFEST);
    String name = CloudFormationLoader.displayName(manifest, options.projectRoot());
    DocNode root;
    try {
      root = JsonDocuments.read(SourceText.read(manifest, name, "CDK", Long.MAX_VALUE), name);
    } catch (TemplateException e) {
      throw e;
    } catch (IamUnitException e) {
      throw new TemplateException(Template.message(e), e.location().orElse(SourceLocation.of(name, 1, 1)));
    }
    DocObject artifacts = member(root, "artifacts").filter(DocObject.class::isInstance).map(DocObject.class::cast)
        .orElseThrow(() -> new TemplateException("not a cloud assembly manifest: it has no artifacts", root.location()));
    for (DocObject.Member artifact : artifacts.members()) {
      String type = text(artifact.value(), "type").orElse("");
      Optional<DocNode> properties = member(artifact.value(), "properties");
      if (type.equals("aws:cloudformation:stack")) {
        String templateFile = properties.flatMap(p -> text(p, "templateFile")).orElseThrow(() -> new TemplateException(
            "stack artifact " + artifact.key() + " names no templateFile", artifact.keyLocation()));
        Optional<String> environment = text(artifact.value(), "environment");
        Matcher env = ENVIRONMENT.matcher(environment.orElse("aws://unknown-account/unknown-region"));
        if (!env.matches()) {
          throw new TemplateException("the environment of stack " + artifact.key() + " is " + environment.get()
              + ", not aws://ACCOUNT/REGION as cdk synth writes it", artifact.keyLocation());
        }
        if (!env.group(2).equals("unknown-region") && Partition.ofRegion(env.group(2)).isEmpty()) {
          throw new TemplateException("the environment of stack " + artifact.key() + " names " + Partition.unknownRegion(env.group(2)),
              artifact.keyLocation());
        }
        stacks.add(new CloudFormationLoader.StackFile(inside(assembly, templateFile, artifact.keyLocation()),
            properties.flatMap(p -> text(p, "stackName")).orElse(artifact.key()),
            Optional.of(env.group(1)).filter(a -> !a.equals("unknown-account")), Optional.of(env.group(2)).filter(r -> !r.equals("unknown-region"))));
      } else if (type.equals("cdk:cloud-assembly")) {
        String directory = properties.flatMap(p -> text(p, "directoryName")).orElseThrow(() -> new TemplateException(
            "nested assembly " + artifact.key() + " names no directoryName", artifact.keyLocation()));
        if (depth > 16) {
          throw new TemplateException("nested assembly " + artifact.key() + " is more than 16 assemblies deep", artifact.keyLocation());
        }
        stacks(inside(assembly, directory, artifact.keyLocation()), options, stacks, depth + 1);
      }
    }
  }

  /** A file the manifest names, which must be inside the assembly. */
  private static Path inside(Path assembly, String file, SourceLocation at) {
    Path path = assembly.resolve(file).normalize();
    if (!path.startsWith(assembly.normalize()) || !Files.exists(path)) {
      throw new TemplateException(file + " is not in the cloud assembly " + assembly + "; run cdk synth again", at);
    }
    return path;
  }

  private static Optional<DocNode> member(DocNode node, String key) {
    return node instanceof DocObject object ? object.member(key).map(DocObject.Member::value) : Optional.empty();
  }

  private static Optional<String> text(DocNode node, String key) {
    return member(node, key).filter(v -> v instanceof DocScalar s && s.kind() == DocScalar.Kind.STRING).map(v -> ((DocScalar) v).text());
  }
}
