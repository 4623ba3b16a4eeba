package dev.iamunit.iac.cloudformation;

import dev.iamunit.document.DocNode;
import dev.iamunit.document.DocObject;
import dev.iamunit.document.DocScalar;
import dev.iamunit.iac.LoadOptions;
import dev.iamunit.iac.TemplateException;
import dev.iamunit.iac.internal.LoadReportBuilder;
import dev.iamunit.iac.internal.SourceText;
import dev.iamunit.model.Unresolved;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Loads the nested stacks of a load's templates: {@code AWS::CloudFormation::Stack} with a
 * {@code TemplateURL} and {@code AWS::Serverless::Application} with a {@code Location} that is a
 * local file, as {@code aws cloudformation package} and {@code sam build} take them ("the local
 * path ... of a nested stack template", AWS CLI reference, cloudformation package). Each nested
 * stack gets the parameters its parent passes, and its outputs are the parent's {@code Fn::GetAtt
 * Stack.Outputs.Name}. A template URL (https://, s3://), a Serverless Application Repository
 * application, a file that does not exist or lies outside the project is an unresolved value at
 * the resource; nothing is fetched.
 */
final class NestedStacks {

  /** Deeper than this, a chain of nested stacks is taken to be a mistake (CloudFormation's own limit is lower in practice). */
  private static final int MAX_DEPTH = 16;

  private NestedStacks() {}

  /**
   * Loads the nested stacks of every stack, and of theirs, recording each nested template's file
   * as an input of the load ({@link LoadReportBuilder#input}): it is that nested stack, not a
   * stack of its own besides.
   */
  static void load(Stacks stacks, Map<Intrinsics, Path> files, LoadOptions options, LoadReportBuilder report) {
    Map<Intrinsics, List<Path>> chains = new LinkedHashMap<>();
    stacks.all().forEach(s -> chains.put(s, List.of(files.get(s))));
    for (int i = 0; i < stacks.all().size(); i++) {
      Intrinsics parent = stacks.all().get(i);
      for (Template.Resource r : parent.template().resources().values()) {
        if (r.type().equals("AWS::CloudFormation::Stack") || r.type().equals("AWS::Serverless::Application")) {
          Intrinsics child = child(parent, r, files, chains, options, report);
          if (child != null) {
            report.input(files.get(child));
          }
        }
      }
    }
  }

  private static Intrinsics child(Intrinsics parent, Template.Resource r, Map<Intrinsics, Path> files,
      Map<Intrinsics, List<Path>> chains, LoadOptions options, LoadReportBuilder report) {
    // Optional.map would turn an unknown (null) condition into "created".
    Boolean created = r.condition().isEmpty() ? Boolean.TRUE : parent.condition(r.condition().get(), r.location());
    if (Boolean.FALSE.equals(created)) {
      return null;
    }
    // Whether the nested stack is created, and so its resources, is unknown when its Condition is.
    List<Unresolved> existence = parent.existenceOf(r);
    boolean sam = r.type().equals("AWS::Serverless::Application");
    String property = sam ? "Location" : "TemplateURL";
    // The CDK uploads a nested stack's template as an asset, and names the file of the cloud
    // assembly it is in the resource's Metadata: "aws:asset:path", for "aws:asset:property"
    // TemplateURL (aws-cdk-lib, NestedStack).
    Optional<String> asset = r.metadata("aws:asset:path").filter(p -> r.metadata("aws:asset:property").orElse("").equals(property));
    DocNode location = asset.<DocNode>map(p -> DocScalar.string(p, r.location()))
        .orElseGet(() -> r.property(property).map(parent::resolve).orElse(null));
    if (location instanceof DocObject) {
      report.add(Unresolved.of(r.logicalId() + "." + property, r.location(), "nested stack " + r.logicalId()
          + " is a Serverless Application Repository application, whose template SAM fetches at deployment; IAMUnit loads only "
          + "local templates: give the template's path (as sam build or aws cloudformation package take it) to test its policies"));
      return null;
    }
    Intrinsics.Text url = location == null ? null : Intrinsics.text(location);
    if (url == null || !url.known()) {
      report.add(Unresolved.of(r.logicalId() + "." + property, r.location(), property + " of nested stack " + r.logicalId()
          + (url == null ? " is not set" : " cannot be computed") + ", so its template is not loaded"));
      return null;
    }
    if (url.text().contains("://") || url.text().startsWith("s3:")) {
      report.add(Unresolved.of(r.logicalId() + "." + property, r.location(), "the template of nested stack " + r.logicalId() + " is at "
          + url.text() + ", which IAMUnit does not fetch; point " + property + " at the local template file (as aws cloudformation "
          + "package takes it) to load its policies"));
      return null;
    }
    Path file = files.get(parent).resolveSibling(url.text()).toAbsolutePath().normalize();
    Path root = options.projectRoot().toAbsolutePath().normalize();
    if (!file.startsWith(root) || !Files.isRegularFile(file)) {
      report.add(Unresolved.of(r.logicalId() + "." + property, r.location(), "the template of nested stack " + r.logicalId() + ", "
          + url.text() + ", " + (file.startsWith(root) ? "does not exist" : "is outside the project, which IAMUnit does not read")));
      return null;
    }
    List<Path> chain = new ArrayList<>(chains.get(parent));
    if (chain.contains(file) || chain.size() > MAX_DEPTH) {
      throw new TemplateException("nested stack " + r.logicalId() + " nests " + url.text() + ", which "
          + (chain.contains(file) ? "nests it in turn" : "is more than " + MAX_DEPTH + " stacks deep") + "; CloudFormation cannot create it",
          r.location());
    }
    chain.add(file);
    String name = CloudFormationLoader.displayName(file, root);
    Template template = Template.read(SourceText.read(file, name, "CloudFormation", Long.MAX_VALUE), name);
    report.file(template.file());
    Map<String, DocNode> passed = new LinkedHashMap<>();
    r.property("Parameters").ifPresent(parameters -> {
      if (parameters instanceof DocObject object) {
        object.members().forEach(m -> passed.put(m.key(), m.value()));
      } else {
        throw new TemplateException("Parameters of nested stack " + r.logicalId() + " must be a mapping of parameter names to values, not "
            + parameters.describe(), parameters.location());
      }
    });
    for (String given : passed.keySet()) {
      if (!template.parameters().containsKey(given)) {
        throw new TemplateException("nested stack " + r.logicalId() + " passes parameter " + given + ", which " + name
            + " does not declare; CloudFormation rejects it", r.property("Parameters").get().location());
      }
    }
    // "StackName: parent-LogicalId-RANDOM" is how CloudFormation names a nested stack.
    Unresolved random = Unresolved.of(r.logicalId() + " stack name", r.location(), "CloudFormation generates the name of nested stack "
        + r.logicalId() + " at deployment");
    Intrinsics.Text parentName = parent.stackName();
    List<Unresolved> parts = new ArrayList<>(parentName.parts());
    parts.add(random);
    Intrinsics child = new Intrinsics(template, parent.options(), parent.stacks(), passed, parent::resolve,
        new Intrinsics.Text(parentName.text() + "-" + r.logicalId() + "-" + random.placeholder(), parts), existence);
    parent.stacks().nested(parent, r.logicalId(), child);
    files.put(child, file);
    chains.put(child, chain);
    return child;
  }
}
