package dev.iamunit.iac.terraform;

import dev.iamunit.iac.internal.LoadReportBuilder;
import dev.iamunit.iac.LoadOptions;
import dev.iamunit.iac.TemplateException;
import dev.iamunit.model.SourceLocation;
import dev.iamunit.model.Unresolved;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * One instance of a module (the root, or a local module called with its inputs): evaluates
 * references on demand, so only what IAM resources need is ever computed.
 */
final class ModuleInstance implements Scope {

  private static final Set<String> META = Set.of("source", "version", "count", "for_each", "providers", "depends_on");

  /**
   * Instances one count may make. AWS allows 5,000 IAM users and 1,000 roles per account by
   * default; a larger count is a mistake or a value meant for something else, and expanding it
   * would only exhaust memory.
   */
  static final int MAX_INSTANCES = 10_000;

  /**
   * References that may chain (a local naming a local naming a local...) before the chain is an
   * error: deep enough for any real configuration, shallow enough for the evaluator's stack.
   */
  static final int MAX_REFERENCE_DEPTH = 200;

  private final ModuleConfig config;
  private final String prefix;
  private final Map<String, Function<String, Value>> inputs;
  private final Context context;
  private final Map<String, Value> localCache = new HashMap<>();
  private final Set<String> evaluating = new HashSet<>();
  private final Map<String, Value> moduleCache = new HashMap<>();
  private final List<ModuleInstance> children = new ArrayList<>();
  private final Function<String, AwsProvider> passedProviders;
  private final Map<String, AwsProvider> providerCache = new HashMap<>();

  /**
   * What every module instance of one load shares, and where this one sits: {@code existence} is
   * why it is unknown whether this module instance exists (a module whose count or for_each is
   * unknown), empty when it does; {@code key} is its module call path as {@code modules.json} names
   * it ({@code ""} for the root, {@code vpc.subnets}).
   */
  record Context(LoadOptions options, Path rootDir, LoadReportBuilder report, int depth, List<dev.iamunit.model.Unresolved> existence,
      ModuleManifest manifest, String key) {
    Context(LoadOptions options, Path rootDir, LoadReportBuilder report, ModuleManifest manifest) {
      this(options, rootDir, report, 0, List.of(), manifest, "");
    }

    Context child(String name, List<dev.iamunit.model.Unresolved> childExistence) {
      return new Context(options, rootDir, report, depth + 1, childExistence, manifest, key.isEmpty() ? name : key + "." + name);
    }
  }

  /** The root module: no provider configuration is passed to it. */
  ModuleInstance(ModuleConfig config, String prefix, Map<String, Function<String, Value>> inputs, Context context) {
    this(config, prefix, inputs, context, name -> null);
  }

  /**
   * @param passedProviders the caller's provider configuration for a name used in this module
   *     ({@code aws}, {@code aws.alias}), or null when the caller gives none
   */
  private ModuleInstance(ModuleConfig config, String prefix, Map<String, Function<String, Value>> inputs, Context context,
      Function<String, AwsProvider> passedProviders) {
    this.config = config;
    this.prefix = prefix;
    this.inputs = inputs;
    this.context = context;
    this.passedProviders = passedProviders;
  }

  /**
   * The AWS provider configuration {@code name} ({@code aws}, {@code aws.alias}) means in this
   * module: its own {@code provider} block (the root's, or a legacy module's), else the one its
   * caller passes, else, for {@code aws} in the root, the load options' defaults.
   */
  AwsProvider provider(String name, Body.Block user) {
    AwsProvider cached = providerCache.get(name);
    if (cached != null) {
      return cached;
    }
    Body.Block block = config.providers().get(name);
    AwsProvider provider;
    if (block != null) {
      provider = AwsProvider.of(name, block, evaluator(prefix + "provider." + name), context.options());
    } else if (passedProviders.apply(name) != null) {
      provider = passedProviders.apply(name);
    } else if (name.equals("aws") && prefix.isEmpty()) {
      provider = AwsProvider.defaults(context.options());
    } else {
      ExpressionEvaluator ev = evaluator(prefix + "provider." + name);
      Expr.Span at = user == null ? new Expr.Span(config.relativeDir(), 0, 0, name)
          : user.body().attribute("provider").map(Body.Attribute::span).orElse(user.span());
      String reason = "uses provider configuration " + name + ", which " + (prefix.isEmpty() ? "no provider block declares"
          : "this module does not declare and its caller does not pass (module providers argument)")
          + "; Terraform refuses to plan without it";
      provider = new AwsProvider(name, ev.unknown(at.withText(name + " region"), reason),
          ev.unknown(at.withText(name + " account"), reason), ev.unknown(at.withText(name + " partition"), reason));
    }
    providerCache.put(name, provider);
    return provider;
  }

  ModuleConfig config() {
    return config;
  }

  String prefix() {
    return prefix;
  }

  LoadReportBuilder report() {
    return context.report();
  }

  LoadOptions options() {
    return context.options();
  }

  /** This module's local child instances, all of them created. */
  List<ModuleInstance> children() {
    for (String name : config.modules().keySet()) {
      module(name, null);
    }
    return children;
  }

  @Override
  public Path workingDirectory() {
    return context.rootDir();
  }

  @Override
  public Path projectRoot() {
    return context.options().projectRoot();
  }

  @Override
  public String displayName(Path file) {
    return config.displayName(file);
  }

  ExpressionEvaluator evaluator(String address) {
    return new ExpressionEvaluator(this, address, context.report());
  }

  @Override
  public Value root(String name, Expr.Span span, ExpressionEvaluator ev) {
    return switch (name) {
      case "var" -> new Value.Instance(prefix + "var", n -> variable(n, span.withText("var." + n), ev));
      case "local" -> new Value.Instance(prefix + "local", n -> local(n, span, ev));
      case "path" -> FilesystemFunctions.pathObject(prefix, config.relativeDir(), ev, span);
      case "terraform" -> new Value.Obj(Map.of("workspace", Value.of(context.options().terraformWorkspace())), ev.location(span));
      case "data" -> new Value.Instance(prefix + "data", type ->
          new Value.Instance(prefix + "data." + type, n -> data(type, n, span.withText("data." + type + "." + n), ev)));
      case "module" -> new Value.Instance(prefix + "module", n -> module(n, span));
      case "count", "each", "self" -> throw new EvalError("\"" + name + "\" is not available here", span);
      default -> new Value.Instance(prefix + name, n -> resource(name, n, span.withText(name + "." + n), ev));
    };
  }

  // ---------------------------------------------------------------- variables and locals

  private Value variable(String name, Expr.Span span, ExpressionEvaluator ev) {
    Body.Block block = config.variables().get(name);
    if (block == null) {
      throw new EvalError("no variable \"" + name + "\" is declared in " + config.relativeDir(), span);
    }
    Value cached = variableCache.get(name);
    if (cached != null) {
      return cached;
    }
    Function<String, Value> input = inputs.get(name);
    Value given = input == null ? null : input.apply(name);
    Optional<Body.Attribute> fallback = block.body().attribute("default");
    // nullable = false: "Terraform uses the default value when a module input argument is null" (Input Variables, nullable).
    boolean nullable = block.body().attribute("nullable").map(a -> !(evaluator(prefix).evaluateOrUnknown(a.expr()) instanceof Value.Bool b)
        || b.value()).orElse(true);
    if (given != null && (!(given instanceof Value.Null) || nullable || fallback.isEmpty())) {
      return typed(block, name, given, ev, span);
    }
    if (fallback.isPresent()) {
      return typed(block, name, evaluator(prefix + "var." + name).evaluateOrUnknown(fallback.get().expr()), ev, span);
    }
    // How to give the value is the consumer's to say (the extension: @IamTest(parameters)).
    return ev.unknown(span, "variable \"" + name + "\" has no default and was given no value");
  }

  private final Map<String, Value> variableCache = new HashMap<>();

  /** The value converted to the variable's type, optional attributes' defaults filled in, as Terraform converts it. */
  private Value typed(Body.Block block, String name, Value value, ExpressionEvaluator ev, Expr.Span span) {
    Optional<Body.Attribute> type = block.body().attribute("type");
    Value converted = value;
    if (type.isPresent()) {
      try {
        converted = TypeConstraint.of(type.get().expr()).convert(value, evaluator(prefix + "var." + name), type.get().expr().span());
      } catch (EvalError e) {
        return ev.unknown(span, "Terraform rejects the value of variable \"" + name + "\": " + e.getMessage()
            + " (type at " + e.span.file() + ":" + e.span.line() + ")");
      }
    }
    variableCache.put(name, converted);
    return converted;
  }

  private Value local(String name, Expr.Span span, ExpressionEvaluator ev) {
    Value cached = localCache.get(name);
    if (cached != null) {
      return cached;
    }
    Body.Attribute attribute = config.locals().get(name);
    if (attribute == null) {
      throw new EvalError("no local value \"" + name + "\" is declared", span);
    }
    Value value = guarded("local." + name, attribute.span(), () -> evaluator(prefix + "local." + name).evaluateOrUnknown(attribute.expr()));
    localCache.put(name, value);
    return value;
  }

  private Value guarded(String key, Expr.Span span, java.util.function.Supplier<Value> compute) {
    if (evaluating.size() >= MAX_REFERENCE_DEPTH) {
      throw new TemplateException(key + " is reached through a chain of more than " + MAX_REFERENCE_DEPTH
          + " references (locals, outputs or attributes naming each other); IAMUnit stops there", span.location(prefix + key));
    }
    if (!evaluating.add(key)) {
      throw new TemplateException(key + " refers to itself through other values; Terraform rejects such cycles",
          span.location(prefix + key));
    }
    try {
      return compute.get();
    } finally {
      evaluating.remove(key);
    }
  }

  // ---------------------------------------------------------------- resources and data sources

  private Value resource(String type, String name, Expr.Span span, ExpressionEvaluator ev) {
    Body.Block block = config.resources().get(type + "." + name);
    if (block == null) {
      return ev.unknown(span, type + "." + name + " is not declared in the loaded configuration");
    }
    return instances(block, prefix + type + "." + name, ev, span);
  }

  private Value data(String type, String name, Expr.Span span, ExpressionEvaluator ev) {
    Body.Block block = config.data().get(type + "." + name);
    if (block == null) {
      return ev.unknown(span, "data." + type + "." + name + " is not declared in the loaded configuration");
    }
    return instances(block, prefix + "data." + type + "." + name, ev, span);
  }

  /** A resource's value: one instance, a list (count), a map (for_each), or unknown. */
  private Value instances(Body.Block block, String address, ExpressionEvaluator ev, Expr.Span span) {
    List<Instance> all = expand(block, address);
    if (all == null) {
      return ev.unknown(span, "how many instances " + address + " has is unknown: " + repetitionReason(block));
    }
    if (block.body().attribute("count").isPresent()) {
      return new Value.Tuple(all.stream().map(i -> (Value) i.value()).toList());
    }
    if (block.body().attribute("for_each").isPresent()) {
      Map<String, Value> members = new LinkedHashMap<>();
      all.forEach(i -> members.put(i.key(), i.value()));
      return new Value.Obj(members, ev.location(span));
    }
    return all.get(0).value();
  }

  /**
   * The unresolved existence of a block whose count or for_each is unknown, naming what to give:
   * Terraform itself refuses to plan such a block ("The "count" value depends on resource
   * attributes that cannot be determined until apply").
   */
  private dev.iamunit.model.Unresolved existence(Body.Block block, String address) {
    String attribute = block.body().attribute("count").isPresent() ? "count" : "for_each";
    Body.Attribute written = block.body().attribute(attribute).get();
    ExpressionEvaluator ev = evaluator(prefix);
    // Name the variables to give, when the value comes from some; else what it depends on.
    List<String> unknown = new ArrayList<>();
    Value cause = null;
    for (String name : variablesIn(written.expr(), new java.util.LinkedHashSet<>())) {
      Value value = config.variables().containsKey(name) ? variable(name, written.expr().span().withText("var." + name), ev) : null;
      if (value != null && !Operators.isWhollyKnown(value)) {
        unknown.add(name);
        cause = cause == null ? value : cause;
      }
    }
    if (cause == null) {
      cause = ev.evaluateOrUnknown(written.expr());
    }
    String howTo = unknown.isEmpty() ? "; give the values it depends on"
        : "; give " + String.join(" and ", unknown) + " " + (unknown.size() == 1 ? "a value" : "values") + " ("
            + (prefix.isEmpty() ? "@IamTest(parameters = \"" + unknown.get(0) + "=...\") or a .tfvars file"
                : "in the module block that calls " + prefix.substring(0, prefix.length() - 1)) + ")";
    return dev.iamunit.model.Unresolved.of(attribute + " = " + written.expr().span().text(), evaluator(address).location(written.expr().span()),
        "whether " + address + " exists is unknown: " + attribute + " depends on " + ExpressionEvaluator.describe(cause)
            + "; its statements apply only if it does, so a decision that depends on them cannot be made" + howTo);
  }

  /** The names {@code var.NAME} that {@code expr} refers to, in order. */
  private static Set<String> variablesIn(Expr expr, Set<String> into) {
    if (expr instanceof Expr.GetAttr get && get.object() instanceof Expr.Variable v && v.name().equals("var")) {
      into.add(get.name());
      return into;
    }
    Expr.children(expr).forEach(p -> variablesIn(p, into));
    return into;
  }

  /** {@code ev} with count.index, each.key and each.value unknown: the one instance loaded of an unknown repetition. */
  private static ExpressionEvaluator unknownRepetition(ExpressionEvaluator ev, Body.Block block, String address) {
    return ev.with("count", new Value.Obj(Map.of("index", ev.unknown(block.span(), "count.index of " + address)), SourceLocation.UNKNOWN))
        .with("each", new Value.Obj(Map.of(
            "key", ev.unknown(block.span(), "each.key of " + address),
            "value", ev.unknown(block.span(), "each.value of " + address)), SourceLocation.UNKNOWN));
  }

  private String repetitionReason(Body.Block block) {
    String attribute = block.body().attribute("count").isPresent() ? "count" : "for_each";
    Value value = evaluator(prefix).evaluateOrUnknown(block.body().attribute(attribute).get().expr());
    return attribute + " depends on " + ExpressionEvaluator.describe(value);
  }

  /** One instance of a resource or data block: its address and the evaluator that sees count/each. */
  record Instance(String key, String address, Body.Block block, ExpressionEvaluator evaluator, Value value) {}

  private final Map<String, List<Instance>> expanded = new HashMap<>();

  /** Each resource instance's one view, by address. */
  private final Map<String, StaticResource> views = new HashMap<>();

  /**
   * The instances of a block, or null when count/for_each is unknown. Rendered lazily: an
   * instance's attributes are computed when read.
   */
  List<Instance> expand(Body.Block block, String address) {
    if (expanded.containsKey(address)) {
      return expanded.get(address);
    }
    List<Instance> result = guardedList(address, block, () -> computeInstances(block, address));
    expanded.put(address, result);
    return result;
  }

  private List<Instance> guardedList(String address, Body.Block block, java.util.function.Supplier<List<Instance>> compute) {
    if (!evaluating.add("expand " + address)) {
      throw new TemplateException(address + " refers to itself; Terraform rejects such cycles", block.span().location(address));
    }
    try {
      return compute.get();
    } finally {
      evaluating.remove("expand " + address);
    }
  }

  private List<Instance> computeInstances(Body.Block block, String address) {
    try {
      return computeInstancesOrFail(block, address);
    } catch (EvalError e) {
      // count = "abc", for_each = [[1]]...: Terraform refuses the block, so IAMUnit cannot load it.
      String what = block.body().attribute("count").isPresent() ? "count" : "for_each";
      throw new TemplateException(what + " of " + address + " is not usable: " + e.getMessage()
          + (what.equals("count") ? "; count takes a whole number" : "; for_each takes a map or a set of strings"),
          evaluator(address).location(e.span));
    }
  }

  private List<Instance> computeInstancesOrFail(Body.Block block, String address) {
    ExpressionEvaluator base = evaluator(address);
    List<Instance> result = new ArrayList<>();
    Optional<Body.Attribute> count = block.body().attribute("count");
    Optional<Body.Attribute> forEach = block.body().attribute("for_each");
    if (count.isPresent()) {
      Value n = base.evaluateOrUnknown(count.get().expr());
      if (!Operators.isKnown(n)) {
        return null;
      }
      BigDecimal number = Operators.toNumber(n, count.get().span());
      if (number.signum() < 0 || number.stripTrailingZeros().scale() > 0) {
        throw new EvalError(number.toPlainString() + " is not a whole number of instances", count.get().span());
      }
      if (number.compareTo(BigDecimal.valueOf(MAX_INSTANCES)) > 0) {
        throw new TemplateException("count = " + (number.precision() > 30 ? number.toString() : number.toPlainString())
            + " makes more than " + MAX_INSTANCES + " instances of " + address + ", more than IAMUnit expands; give count a"
            + " smaller value in the test (@IamTest(parameters = ...) or a .tfvars file)", base.location(count.get().span()));
      }
      int total = number.intValue();
      for (int i = 0; i < total; i++) {
        ExpressionEvaluator ev = base.with("count", new Value.Obj(Map.of("index", Value.of(i)), base.location(block.span())));
        result.add(instance(Integer.toString(i), address + "[" + i + "]", block, ev));
      }
    } else if (forEach.isPresent()) {
      Value collection = base.evaluateOrUnknown(forEach.get().expr());
      List<Map.Entry<Value, Value>> elements = ExpressionEvaluator.elements(collection);
      if (elements == null) {
        return null;
      }
      for (Map.Entry<Value, Value> element : elements) {
        // Over a set, each.key is the element itself.
        Value key = collection instanceof Value.Obj ? element.getKey() : element.getValue();
        if (!Operators.isKnown(key)) {
          return null;
        }
        String text = Operators.toText(key, forEach.get().span());
        ExpressionEvaluator ev = base.with("each", new Value.Obj(
            Map.of("key", key, "value", element.getValue()), base.location(block.span())));
        result.add(instance(text, address + "[\"" + text + "\"]", block, ev));
      }
    } else {
      result.add(instance("", address, block, base));
    }
    return result;
  }

  private Instance instance(String key, String address, Body.Block block, ExpressionEvaluator ev) {
    ExpressionEvaluator located = ev.relocated(address);
    String type = block.label(0);
    Value value;
    if (block.type().equals("data")) {
      value = DataSources.value(type, address, block, located, provider(AwsProvider.reference(block), block), context.options());
    } else {
      StaticResource view = views.computeIfAbsent(address, a -> new StaticResource(type, a, block, located));
      value = new Value.Instance(address, name -> view.attribute(name, context.options()));
    }
    return new Instance(key, address, block, located, value);
  }

  /** Every resource instance in this module, with unknown repetition reported. */
  List<ResourceView> resourceViews() {
    List<ResourceView> views = new ArrayList<>();
    for (Map.Entry<String, Body.Block> entry : config.resources().entrySet()) {
      Body.Block block = entry.getValue();
      String address = prefix + entry.getKey();
      List<Instance> all = expand(block, address);
      List<dev.iamunit.model.Unresolved> existence = context.existence();
      if (all == null) {
        // Whether it exists is unknown: load it once, its statements applying only if it exists.
        existence = new ArrayList<>(existence);
        existence.add(context.report().add(existence(block, address)));
        all = List.of(new Instance("", address, block, unknownRepetition(evaluator(address), block, address), Value.NULL));
      }
      for (Instance instance : all) {
        // The view references read, so that a generated name or id is the same value in both.
        List<dev.iamunit.model.Unresolved> known = existence;
        views.add(this.views.computeIfAbsent(instance.address(),
            a -> new StaticResource(block.label(0), a, block, block.body(), instance.evaluator(), known)));
      }
    }
    return views;
  }

  // ---------------------------------------------------------------- modules

  private Value module(String name, Expr.Span span) {
    if (moduleCache.containsKey(name)) {
      return moduleCache.get(name);
    }
    Body.Block block = config.modules().get(name);
    ExpressionEvaluator ev = evaluator(prefix + "module." + name);
    Expr.Span at = span == null && block != null ? block.span() : span;
    Value value;
    if (block == null) {
      throw new EvalError("no module \"" + name + "\" is declared", span);
    }
    Value source = block.body().attribute("source").map(a -> ev.evaluateOrUnknown(a.expr())).orElse(Value.NULL);
    String text = source instanceof Value.Str s && s.known() ? s.text() : "";
    Expr.Span sourceSpan = block.body().attribute("source").map(Body.Attribute::span).orElse(block.span());
    // A local path is read where it is; a registry address or URL where terraform init installed it, never fetched.
    boolean localSyntax = text.startsWith("./") || text.startsWith("../");
    Path dir = localSyntax ? ProjectPaths.resolve(config.dir(), text).orElseThrow(() -> new TemplateException(
        "module \"" + name + "\" has source = \"" + Functions.printable(text) + "\", which is not a valid path",
        ev.location(sourceSpan))) : null;
    String notInstalled = null;
    if (!localSyntax && !text.isEmpty()) {
      Installed installed = installed(name, text, block, ev);
      dir = installed.dir();
      notInstalled = installed.problem();
    }
    Path projectRoot = context.options().projectRoot().toAbsolutePath().normalize();
    // A folder loaded from outside the project root (iamunit show ../other/terraform) bounds its own modules.
    boolean rootInside = ProjectPaths.isInside(context.rootDir(), projectRoot);
    Path root = rootInside ? projectRoot : context.rootDir().toAbsolutePath().normalize();
    if (dir != null && Files.isDirectory(dir) && !ProjectPaths.isInside(dir, root)) {
      // Not read, like a remote module: its outputs are unresolved and the rest still loads.
      value = ev.unknown(sourceSpan, "module \"" + name + "\" has source = \"" + Functions.printable(text)
          + "\", which leaves the " + (rootInside ? "project root " : "loaded folder ") + root
          + (dir.startsWith(root) ? " through a symbolic link" : "")
          + "; IAMUnit reads only modules inside the project (set the root with LoadOptions.withProjectRoot)");
    } else if (notInstalled != null) {
      value = ev.unknown(block.span(), notInstalled);
    } else if (dir == null || !Files.isDirectory(dir)) {
      value = ev.unknown(block.span(), dir != null
          ? "module \"" + name + "\" has source = \"" + text + "\", but that folder does not exist"
          : "module \"" + name + "\" comes from an unknown source; Terraform requires source to be a literal string");
    } else if (context.depth() > 20) {
      throw new TemplateException("modules nest more than 20 deep; is a module calling itself?", block.span().location(prefix));
    } else {
      ModuleConfig child = ModuleConfig.read(dir, context.options().projectRoot(), context.report());
      Optional<Body.Attribute> count = block.body().attribute("count");
      Optional<Body.Attribute> forEach = block.body().attribute("for_each");
      if (count.isEmpty() && forEach.isEmpty()) {
        value = childValue(child, prefix + "module." + name + ".", block, ev);
      } else {
        List<Instance> all = expand(block, prefix + "module." + name);
        if (all == null) {
          // Its resources are loaded once, their statements applying only if the module instance exists.
          String address = prefix + "module." + name;
          List<dev.iamunit.model.Unresolved> existence = new ArrayList<>(context.existence());
          existence.add(context.report().add(existence(block, address)));
          childValue(child, address + ".", block, unknownRepetition(ev, block, address), existence);
          value = ev.unknown(block.span(), "how many instances module." + name + " has is unknown");
        } else {
          Map<String, Value> members = new LinkedHashMap<>();
          List<Value> items = new ArrayList<>();
          for (Instance instance : all) {
            Value one = childValue(child, instance.address() + ".", block, instance.evaluator());
            members.put(instance.key(), one);
            items.add(one);
          }
          value = count.isPresent() ? new Value.Tuple(items) : new Value.Obj(members, ev.location(block.span()));
        }
      }
    }
    moduleCache.put(name, value);
    return value;
  }

  /** Where terraform init installed a remote module, or why it cannot be read. */
  private record Installed(Path dir, String problem) {}

  /**
   * The folder {@code .terraform/modules/modules.json} names for the module call {@code name} of
   * this module, as Terraform itself finds it: by its call path ({@code vpc.subnets}), only while
   * the source it was installed from is still the one given.
   */
  private Installed installed(String name, String source, Body.Block block, ExpressionEvaluator ev) {
    String key = context.key().isEmpty() ? name : context.key() + "." + name;
    String what = "module \"" + name + "\" comes from " + Functions.printable(source)
        + ", which IAMUnit does not download: it reads it only where terraform init installed it";
    ModuleManifest manifest = context.manifest();
    if (manifest.file().isEmpty()) {
      return new Installed(null, what + ", and " + ModuleManifest.PATH + " does not exist beside the root module;"
          + " run terraform init (or terraform get) there, and IAMUnit reads the module from .terraform/modules (it never downloads)");
    }
    Optional<ModuleManifest.Entry> entry = manifest.entry(key);
    if (entry.isEmpty()) {
      return new Installed(null, what + ", and " + manifest.file() + " has no module \"" + key
          + "\" (added after terraform init ran?); run terraform init (or terraform get) again");
    }
    if (!ModuleManifest.sameSource(entry.get().source(), source)) {
      return new Installed(null, what + ", but " + manifest.file() + " records module \"" + key + "\" from "
          + entry.get().source() + "; Terraform refuses to plan until terraform init runs again (\"Module source has changed\")");
    }
    Value constraint = block.body().attribute("version").map(a -> ev.evaluateOrUnknown(a.expr())).orElse(Value.NULL);
    if (constraint instanceof Value.Str c && c.known() && !entry.get().version().isEmpty()
        && !ModuleManifest.satisfies(entry.get().version(), c.text())) {
      return new Installed(null, what + ", but " + manifest.file() + " records version " + entry.get().version() + " of module \""
          + key + "\", which does not meet version = \"" + c.text() + "\"; Terraform refuses to plan until terraform init runs"
          + " again (\"Module version requirements have changed\")");
    }
    Optional<Path> dir = ProjectPaths.resolve(context.rootDir(), entry.get().dir());
    if (dir.isEmpty() || !Files.isDirectory(dir.get())) {
      return new Installed(null, what + ", and " + manifest.file() + " installs module \"" + key + "\" in "
          + entry.get().dir() + ", which does not exist; run terraform init (or terraform get) again");
    }
    return new Installed(dir.get(), null);
  }

  private Value childValue(ModuleConfig child, String childPrefix, Body.Block block, ExpressionEvaluator parent) {
    return childValue(child, childPrefix, block, parent, context.existence());
  }

  private Value childValue(ModuleConfig child, String childPrefix, Body.Block block, ExpressionEvaluator parent,
      List<dev.iamunit.model.Unresolved> existence) {
    Map<String, Function<String, Value>> args = new HashMap<>();
    Map<String, Value> cache = new HashMap<>();
    for (Body.Attribute attribute : block.body().attributes().values()) {
      if (!META.contains(attribute.name())) {
        args.put(attribute.name(), n -> cache.computeIfAbsent(n, k -> parent.evaluateOrUnknown(attribute.expr())));
      }
    }
    ModuleInstance instance = new ModuleInstance(child, childPrefix, args,
        context.child(block.label(0), existence), passedProviders(block));
    children.add(instance);
    return new Value.Instance(childPrefix.substring(0, childPrefix.length() - 1), output -> instance.output(output));
  }

  /**
   * What a module block passes: "If you omit [providers], a child module inherits all of the
   * default provider configurations from its parent module ... If you specify a providers argument,
   * it cancels this default behavior, and the child module will only have access to the provider
   * configurations you specify" (Terraform language, "The Module providers Meta-Argument").
   */
  private Function<String, AwsProvider> passedProviders(Body.Block block) {
    Optional<Body.Attribute> providers = block.body().attribute("providers");
    if (providers.isEmpty()) {
      return name -> name.equals("aws") ? provider("aws", block) : null;
    }
    Map<String, String> mapping = new HashMap<>();
    if (providers.get().expr() instanceof Expr.ObjectCons cons) {
      for (Expr.ObjectCons.Item item : cons.items()) {
        String key = item.key() instanceof Expr.Literal l && l.value() instanceof Value.Str s ? s.text()
            : AwsProvider.unquoted(item.key().span().text());
        mapping.put(key, AwsProvider.unquoted(item.value().span().text()));
      }
    }
    return name -> mapping.containsKey(name) ? provider(mapping.get(name), block) : null;
  }

  /** Text for Arns, whose formats take strings: a known value, or the placeholder of the unresolved one. */
  static String placeholder(Value value) {
    if (value instanceof Value.Str s) {
      return s.text();
    }
    return value instanceof Value.Unknown u ? u.unresolved().placeholder() : String.valueOf(value);
  }

  /** {@code computed} with the provider's unresolved region, account or partition listed where their placeholders stand. */
  private static Value withUnresolved(Value computed, AwsProvider where) {
    if (!(computed instanceof Value.Str s)) {
      return computed;
    }
    List<dev.iamunit.model.Unresolved> parts = new ArrayList<>(s.parts());
    for (Value v : List.of(where.partition(), where.account(), where.region())) {
      for (dev.iamunit.model.Unresolved u : Value.unresolvedIn(v)) {
        if (s.text().contains(u.placeholder()) && !parts.contains(u)) {
          parts.add(u);
        }
      }
    }
    return s.withParts(parts);
  }

  private final Map<String, Value> outputCache = new HashMap<>();

  Value output(String name) {
    Value cached = outputCache.get(name);
    if (cached != null) {
      return cached;
    }
    Body.Block block = config.outputs().get(name);
    ExpressionEvaluator ev = evaluator(prefix + "output." + name);
    Value value;
    if (block == null || block.body().attribute("value").isEmpty()) {
      value = ev.unknown(block == null ? new Expr.Span(config.relativeDir(), 0, 0, name) : block.span(),
          "the module has no output \"" + name + "\"");
    } else {
      value = guarded("output." + name, block.span(), () -> ev.evaluateOrUnknown(block.body().attribute("value").get().expr()));
    }
    outputCache.put(name, value);
    return value;
  }

  /** A resource instance of this module as the assembler reads it. */
  final class StaticResource implements ResourceView {
    private final String type;
    private final String address;
    private final Body.Block block;
    private final ExpressionEvaluator ev;
    private final Body body;

    StaticResource(String type, String address, Body.Block block, ExpressionEvaluator ev) {
      this(type, address, block, block.body(), ev);
    }

    private final List<dev.iamunit.model.Unresolved> existence;

    StaticResource(String type, String address, Body.Block block, Body body, ExpressionEvaluator ev) {
      this(type, address, block, body, ev, context.existence());
    }

    StaticResource(String type, String address, Body.Block block, Body body, ExpressionEvaluator ev,
        List<dev.iamunit.model.Unresolved> existence) {
      this.type = type;
      this.address = address;
      this.block = block;
      this.body = body;
      this.ev = ev;
      this.existence = List.copyOf(existence);
    }

    @Override
    public List<dev.iamunit.model.Unresolved> existence() {
      return existence;
    }

    private final Map<String, Value> computedCache = new HashMap<>();
    private final Map<String, Unresolved> generatedCache = new HashMap<>();
    private Value iamName;

    Value attribute(String name, LoadOptions options) {
      // The same unknown each time, so that two references to one computed id stay equal.
      Value cached = computedCache.get(name);
      if (cached == null) {
        cached = compute(name, options);
        computedCache.put(name, cached);
      }
      return cached;
    }

    @Override
    public Value computed(String name, LoadOptions options) {
      return attribute(name, options);
    }

    @Override
    public Unresolved generated(String attribute, String reason) {
      return generatedCache.computeIfAbsent(attribute, a -> Unresolved.of(address + "." + a, location(), reason));
    }

    @Override
    public Value iamName() {
      if (iamName == null) {
        iamName = get("name");
        if (iamName instanceof Value.Null) {
          iamName = generatedName();
        }
      }
      return iamName;
    }

    /**
     * Without {@code name}, AWS (through the provider) generates one: {@code name_prefix} followed
     * by a unique suffix, or {@code terraform-} and a timestamp-based id. The name is unknown, so it
     * is a placeholder after the prefix; a test names the principal by its address.
     */
    private Value generatedName() {
      Value prefix = get("name_prefix");
      StringBuilder text = new StringBuilder();
      List<Unresolved> parts = new ArrayList<>();
      if (prefix instanceof Value.Null || !ExpressionEvaluator.append(prefix, text, parts)) {
        text.setLength(0);
        text.append("terraform-");
      }
      Unresolved name = generated("name", "the configuration gives no name" + (prefix instanceof Value.Null ? "" : ", only name_prefix")
          + ", so AWS generates it when the resource is created; tests name it by its address, " + address);
      parts.add(name);
      return new Value.Str(text.append(name.placeholder()).toString(), parts, Optional.empty());
    }

    @Override
    public List<String> argumentNames() {
      return List.copyOf(body.attributes().keySet());
    }

    @Override
    public AwsProvider provider(LoadOptions options) {
      return ModuleInstance.this.provider(AwsProvider.reference(block), block);
    }

    private Value compute(String name, LoadOptions options) {
      AwsProvider where = provider(options);
      Optional<Value> computed = ComputedAttributes.computed(type, name, this, placeholder(where.partition()), placeholder(where.account()),
          placeholder(where.region())).map(v -> withUnresolved(v, where));
      if (computed.isPresent() && !(computed.get() instanceof Value.Null)) {
        return computed.get();
      }
      if (body.attribute(name).isPresent()) {
        return get(name);
      }
      Body.Block imported = config.imports().get(address);
      if (name.equals("id") && imported != null && imported.body().attribute("id").isPresent()) {
        return ev.evaluateOrUnknown(imported.body().attribute("id").get().expr());
      }
      return ev.unknown(block.span().withText(address + "." + name),
          address + "." + name + " is computed by AWS when the resource is created");
    }

    @Override
    public String type() {
      return type;
    }

    @Override
    public String address() {
      return address;
    }

    @Override
    public SourceLocation location() {
      return ev.location(block.span());
    }

    @Override
    public Value get(String name) {
      return body.attribute(name).map(a -> guarded(address + "." + name, a.span(), () -> ev.evaluateOrUnknown(a.expr())))
          .orElse(Value.NULL);
    }

    @Override
    public SourceLocation locationOf(String name) {
      return body.attribute(name).map(a -> ev.location(a.expr().span())).orElse(location());
    }

    @Override
    public List<ResourceView> blocks(String name) {
      List<ResourceView> views = new ArrayList<>();
      for (BlockExpansion.Expanded nested : BlockExpansion.blocks(body, name, ev)) {
        views.add(new StaticResource(type, address, nested.block(), nested.body(), nested.evaluator(), existence));
      }
      return views;
    }
  }
}
