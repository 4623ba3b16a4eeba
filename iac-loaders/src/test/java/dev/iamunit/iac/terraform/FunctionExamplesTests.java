package dev.iamunit.iac.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every function of {@link Functions#TABLE}, one table each: the examples of Terraform's
 * documentation, developer.hashicorp.com/terraform/language/functions/NAME (the page is named
 * after the function), each result confirmed with Terraform 1.11's {@code terraform console}. In
 * {@link #EXAMPLES}, a line {@code ## NAME} starts a function's table (with the sentence of its
 * page that a row checks, where one does), and a row is {@code call | expected value as an HCL
 * literal}. Functions that read files, and the clock functions, are in {@link FunctionBehaviourTests}.
 */
class FunctionExamplesTests {

  @TempDir
  Path dir;

  private FunctionHarness terraform;

  @BeforeEach
  void harness() {
    terraform = new FunctionHarness(dir, Map.of("template", Value.of("Hello, ${name}!"), "empty", new Value.Obj(Map.of(),
        dev.iamunit.model.SourceLocation.UNKNOWN)));
  }

  private static final String EXAMPLES = """
      # String functions
      ## format
      format("Hello, %s!", "Ander")               | "Hello, Ander!"
      format("There are %d lights", 4)            | "There are 4 lights"
      format("%s and %s", "a", "b")               | "a and b"
      format("100%%")                             | "100%"
      ## formatlist
      formatlist("Hello, %s!", ["Valentina", "Ander", "Olivia", "Sam"])             | ["Hello, Valentina!", "Hello, Ander!", "Hello, Olivia!", "Hello, Sam!"]
      formatlist("%s, %s!", "Salutations", ["Valentina", "Ander", "Olivia", "Sam"]) | ["Salutations, Valentina!", "Salutations, Ander!", "Salutations, Olivia!", "Salutations, Sam!"]
      formatlist("%s", "a")                                                         | ["a"]
      formatlist("%s", [])                                                          | []
      ## join
      join("-", ["foo", "bar", "baz"])       | "foo-bar-baz"
      join(", ", ["foo", "bar", "baz"])      | "foo, bar, baz"
      join(", ", ["foo"])                    | "foo"
      join(",", ["a"], ["b", "c"])           | "a,b,c"
      ## lower
      lower("HELLO")   | "hello"
      lower("АЛЛО!")   | "алло!"
      ## upper
      upper("hello")   | "HELLO"
      upper("алло!")   | "АЛЛО!"
      ## trimspace
      trimspace("  hello\\n\\n")   | "hello"
      trimspace("a b")             | "a b"
      ## title: title: "converts the first letter of each word in the given string to uppercase" (Go's strings.Title).
      title("hello world")                | "Hello World"
      title("hello_world foo-bar 3rd")    | "Hello_world Foo-Bar 3rd"
      title("ENABLED")                    | "ENABLED"
      ## split
      split(",", "foo")            | ["foo"]
      split(",", "foo,bar,baz")    | ["foo", "bar", "baz"]
      split(",", "foo,")           | ["foo", ""]
      split(",", "")               | [""]
      ## replace
      replace("1 + 2 + 3", "+", "-")                          | "1 - 2 - 3"
      replace("hello world", "/w.*d/", "everybody")           | "hello everybody"
      replace("2024-01-02T10:00:00Z", "/T.*/", "T00:00:00Z")  | "2024-01-02T00:00:00Z"
      ## trim
      trim("?!hello?!", "!?")              | "hello"
      trim("foobar", "far")                | "oob"
      trim("   hello! world.!  ", "! ")    | "hello! world."
      ## trimprefix
      trimprefix("helloworld", "hello")   | "world"
      trimprefix("helloworld", "cat")     | "helloworld"
      ## trimsuffix
      trimsuffix("helloworld", "world")   | "hello"
      trimsuffix("helloworld", "cat")     | "helloworld"
      ## chomp
      chomp("hello\\n")       | "hello"
      chomp("hello\\r\\n")    | "hello"
      chomp("hello\\n\\n")    | "hello"
      ## startswith
      startswith("hello world", "hello")   | true
      startswith("hello world", "world")   | false
      ## endswith
      endswith("hello world", "world")   | true
      endswith("hello world", "hello")   | false
      ## substr
      substr("hello world", 1, 4)     | "ello"
      substr("🤔🤷", 0, 1)            | "🤔"
      substr("hello world", -5, -1)   | "world"
      substr("hello world", 6, 10)    | "world"
      ## templatestring: templatestring: "The first argument is always a reference to an object defined in the module".
      templatestring(local.template, {name = "Jodie"})           | "Hello, Jodie!"
      templatestring(local.template, {name = upper("jodie")})    | "Hello, JODIE!"

      # Collection functions
      ## concat
      concat(["a", ""], ["b", "c"])   | ["a", "", "b", "c"]
      concat([])                      | []
      ## merge
      merge({a="b", c="d"}, {e="f", c="z"})           | {a="b", c="z", e="f"}
      merge({a="b"}, {a=[1,2], c="z"}, {d=3})         | {a=[1,2], c="z", d=3}
      merge(null, {a=1})                              | {a=1}
      merge()                                         | {}
      ## flatten
      flatten([["a", "b"], [], ["c"]])          | ["a", "b", "c"]
      flatten([[["a", "b"], []], ["c"]])        | ["a", "b", "c"]
      ## distinct
      distinct(["a", "b", "a", "c", "d", "b"])   | ["a", "b", "c", "d"]
      ## lookup
      lookup({a="ay", b="bee"}, "a", "what?")   | "ay"
      lookup({a="ay", b="bee"}, "c", "what?")   | "what?"
      lookup({a="ay"}, "c", null)               | null
      ## length
      length([])            | 0
      length(["a", "b"])    | 2
      length({"a" = "b"})   | 1
      length("hello")       | 5
      length("💡")          | 1
      ## compact
      compact(["a", "", "b", null, "c"])   | ["a", "b", "c"]
      ## element: element: "If the given index is greater than the length of the list then the index is wrapped around".
      element(["a", "b", "c"], 1)                              | "b"
      element(["a", "b", "c"], 3)                              | "a"
      element(["a", "b", "c"], length(["a", "b", "c"]) - 1)    | "c"
      ## keys
      keys({a=1, c=2, d=3})   | ["a", "c", "d"]
      keys({d=1, a=2})        | ["a", "d"]
      ## values
      values({a=3, c=2, d=1})   | [3, 2, 1]
      values({a=3, c=2, b=1})   | [3, 1, 2]
      ## zipmap
      zipmap(["a", "b"], [1, 2])   | {a = 1, b = 2}
      zipmap([], [])               | {}
      ## contains
      contains(["a", "b", "c"], "a")   | true
      contains(["a", "b", "c"], "d")   | false
      ## one
      one([])              | null
      one(["hello"])       | "hello"
      one(toset([]))       | null
      ## coalescelist
      coalescelist(["a", "b"], ["c", "d"])   | ["a", "b"]
      coalescelist([], ["c", "d"])           | ["c", "d"]
      ## coalesce
      coalesce("a", "b")       | "a"
      coalesce("", "b")        | "b"
      coalesce(1, 2)           | 1
      coalesce(null, "a")      | "a"
      ## reverse
      reverse([1, 2, 3])   | [3, 2, 1]
      reverse([])          | []
      ## sort: sort: "sort takes a list of strings and returns a new list with those strings sorted lexicographically".
      sort(["e", "d", "a", "x"])   | ["a", "d", "e", "x"]
      sort([3, 1, 11])             | ["1", "11", "3"]
      ## range
      range(3)              | [0, 1, 2]
      range(1, 4)           | [1, 2, 3]
      range(1, 8, 2)        | [1, 3, 5, 7]
      range(1, 4, 0.5)      | [1, 1.5, 2, 2.5, 3, 3.5]
      range(4, 1)           | [4, 3, 2]
      range(10, 5, -2)      | [10, 8, 6]
      range(0)              | []
      range(1, 1)           | []
      ## slice
      slice(["a", "b", "c", "d"], 1, 3)                                           | ["b", "c"]
      slice(["a"], 1, 1)                                                          | []
      slice(["lambda.amazonaws.com", "edgelambda.amazonaws.com"], 0, 1)           | ["lambda.amazonaws.com"]

      # Numeric functions
      ## min
      min(12, 54, 3)          | 3
      min([12, 54, 3]...)     | 3
      ## max
      max(12, 54, 3)          | 54
      max([12, 54, 3]...)     | 54
      ## abs
      abs(23)       | 23
      abs(0)        | 0
      abs(-12.4)    | 12.4

      # Encoding functions
      ## jsonencode
      jsonencode({"hello"="world"})    | "{\\"hello\\":\\"world\\"}"
      jsonencode(null)                 | "null"
      jsonencode(["a", 1, true])       | "[\\"a\\",1,true]"
      ## jsondecode
      jsondecode("{\\"hello\\": \\"world\\"}")   | {hello = "world"}
      jsondecode("true")                         | true
      jsondecode("[1, \\"a\\"]")                 | [1, "a"]

      # Filesystem functions that only work on the path's text
      ## basename
      basename("foo/bar/baz.txt")   | "baz.txt"
      basename("foo/bar/")          | "bar"
      basename("/")                 | "/"
      basename("")                  | "."
      basename(".")                 | "."
      ## dirname
      dirname("foo/bar/baz.txt")    | "foo/bar"
      dirname("foo")                | "."
      dirname("/")                  | "/"
      dirname("")                   | "."
      dirname("/a/../b/c")          | "/b"

      # Date and time functions
      ## timeadd
      timeadd("2017-11-22T00:00:00Z", "10m")         | "2017-11-22T00:10:00Z"
      timeadd("2017-11-22T00:00:00Z", "-1h30m")      | "2017-11-21T22:30:00Z"
      timeadd("2017-11-22T00:00:00Z", "1.5h")        | "2017-11-22T01:30:00Z"
      timeadd("2017-11-22T00:00:00+01:00", "4380h")  | "2018-05-23T12:00:00+01:00"

      # Hash functions
      ## base64sha256
      base64sha256("hello world")   | "uU0nuZNNPgilLlLX2n2r+sSE7+N6U4DukIj3rOLvzek="

      # Type conversion functions
      ## tostring
      tostring("hello")    | "hello"
      tostring(1)          | "1"
      tostring(true)       | "true"
      tostring(null)       | null
      ## tonumber
      tonumber(1)        | 1
      tonumber("1")      | 1
      tonumber("1.5")    | 1.5
      tonumber(null)     | null
      ## tobool
      tobool(true)       | true
      tobool("true")     | true
      tobool("false")    | false
      tobool(null)       | null
      ## tolist
      tolist(["a", "b", "c"])   | ["a", "b", "c"]
      tolist(null)              | null
      ## tomap
      tomap({"a" = 1, "b" = 2})   | {a = 1, b = 2}
      tomap(null)                 | null
      ## toset
      toset(["a", "b", "c"])    | ["a", "b", "c"]
      toset(["c", "b", "b"])    | ["b", "c"]
      toset(null)               | null
      ## try: try: "evaluates all of its argument expressions in turn and returns the result of the first one that does not produce any errors".
      try(local.empty.example, "default")    | "default"
      try(tonumber("x"), 0)                  | 0
      try("first", "second")                 | "first"
      ## can
      can(local.empty.example)   | false
      can(tonumber("1"))         | true
      can(tonumber("x"))         | false
      """;

  /** The rows of {@link #EXAMPLES}, in order, under the function whose table they are in. */
  private static Map<String, List<String[]>> examples() {
    Map<String, List<String[]>> tables = new LinkedHashMap<>();
    List<String[]> current = null;
    for (String line : EXAMPLES.lines().map(String::strip).toList()) {
      if (line.startsWith("## ")) {
        current = tables.computeIfAbsent(line.substring(3).split(":")[0], k -> new ArrayList<>());
      } else if (!line.isEmpty() && !line.startsWith("#")) {
        String[] row = line.split("\\s+\\|\\s+", 2);
        assertThat(row).as(line).hasSize(2);
        current.add(row);
      }
    }
    return tables;
  }

  /** One container per function, named after it and linking its page; one test per documented example. */
  @TestFactory
  Stream<DynamicContainer> documentedExamples() {
    return examples().entrySet().stream().map(table -> DynamicContainer.dynamicContainer(table.getKey(),
        URI.create("https://developer.hashicorp.com/terraform/language/functions/" + table.getKey()),
        table.getValue().stream().map(row -> DynamicTest.dynamicTest(row[0], () -> terraform.assertEvaluates(row[0], row[1])))));
  }

  /** Every function in the table has its examples here, or a test named after it in {@link FunctionBehaviourTests}. */
  @Test
  void everyFunctionHasItsTable() {
    Set<String> tested = new HashSet<>(examples().keySet());
    Arrays.stream(FunctionBehaviourTests.class.getDeclaredMethods()).map(Method::getName).forEach(tested::add);
    assertThat(tested).containsAll(Functions.TABLE.keySet());
  }
}
