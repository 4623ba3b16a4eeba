package dev.iamunit.iac.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every function of {@link Functions#TABLE}, one table each: the examples of Terraform's
 * documentation, developer.hashicorp.com/terraform/language/functions/NAME (the page is named
 * after the function), each result confirmed with Terraform 1.11's {@code terraform console}. A
 * row is {@code call | expected value as an HCL literal}. Functions that read files, and the
 * clock functions, are in {@link FunctionBehaviourTests}.
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

  /**
   * Every function in the table has a test here or in {@link FunctionBehaviourTests}, named after
   * it ({@code try_} for {@code try}, a Java keyword).
   */
  @Test
  void everyFunctionHasItsTable() {
    Set<String> tested = Stream.of(FunctionExamplesTests.class, FunctionBehaviourTests.class)
        .flatMap(c -> Arrays.stream(c.getDeclaredMethods()))
        .map(m -> m.getName().replaceAll("_$", ""))
        .collect(Collectors.toSet());
    assertThat(tested).containsAll(Functions.TABLE.keySet());
  }

  // String functions

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      format("Hello, %s!", "Ander")               | "Hello, Ander!"
      format("There are %d lights", 4)            | "There are 4 lights"
      format("%s and %s", "a", "b")               | "a and b"
      format("100%%")                             | "100%"
      """)
  void format(String call, String expected) {
    terraform.assertEvaluates(call, expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      formatlist("Hello, %s!", ["Valentina", "Ander", "Olivia", "Sam"])             | ["Hello, Valentina!", "Hello, Ander!", "Hello, Olivia!", "Hello, Sam!"]
      formatlist("%s, %s!", "Salutations", ["Valentina", "Ander", "Olivia", "Sam"]) | ["Salutations, Valentina!", "Salutations, Ander!", "Salutations, Olivia!", "Salutations, Sam!"]
      formatlist("%s", "a")                                                         | ["a"]
      formatlist("%s", [])                                                          | []
      """)
  void formatlist(String call, String expected) {
    terraform.assertEvaluates(call, expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      join("-", ["foo", "bar", "baz"])       | "foo-bar-baz"
      join(", ", ["foo", "bar", "baz"])      | "foo, bar, baz"
      join(", ", ["foo"])                    | "foo"
      join(",", ["a"], ["b", "c"])           | "a,b,c"
      """)
  void join(String call, String expected) {
    terraform.assertEvaluates(call, expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      lower("HELLO")   | "hello"
      lower("АЛЛО!")   | "алло!"
      """)
  void lower(String call, String expected) {
    terraform.assertEvaluates(call, expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      upper("hello")   | "HELLO"
      upper("алло!")   | "АЛЛО!"
      """)
  void upper(String call, String expected) {
    terraform.assertEvaluates(call, expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      trimspace("  hello\\n\\n")   | "hello"
      trimspace("a b")             | "a b"
      """)
  void trimspace(String call, String expected) {
    terraform.assertEvaluates(call, expected);
  }

  /** title: "converts the first letter of each word in the given string to uppercase" (Go's strings.Title). */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      title("hello world")                | "Hello World"
      title("hello_world foo-bar 3rd")    | "Hello_world Foo-Bar 3rd"
      title("ENABLED")                    | "ENABLED"
      """)
  void title(String call, String expected) {
    terraform.assertEvaluates(call, expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      split(",", "foo")            | ["foo"]
      split(",", "foo,bar,baz")    | ["foo", "bar", "baz"]
      split(",", "foo,")           | ["foo", ""]
      split(",", "")               | [""]
      """)
  void split(String call, String expected) {
    terraform.assertEvaluates(call, expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      replace("1 + 2 + 3", "+", "-")                          | "1 - 2 - 3"
      replace("hello world", "/w.*d/", "everybody")           | "hello everybody"
      replace("2024-01-02T10:00:00Z", "/T.*/", "T00:00:00Z")  | "2024-01-02T00:00:00Z"
      """)
  void replace(String call, String expected) {
    terraform.assertEvaluates(call, expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      trim("?!hello?!", "!?")              | "hello"
      trim("foobar", "far")                | "oob"
      trim("   hello! world.!  ", "! ")    | "hello! world."
      """)
  void trim(String call, String expected) {
    terraform.assertEvaluates(call, expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      trimprefix("helloworld", "hello")   | "world"
      trimprefix("helloworld", "cat")     | "helloworld"
      """)
  void trimprefix(String call, String expected) {
    terraform.assertEvaluates(call, expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      trimsuffix("helloworld", "world")   | "hello"
      trimsuffix("helloworld", "cat")     | "helloworld"
      """)
  void trimsuffix(String call, String expected) {
    terraform.assertEvaluates(call, expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      chomp("hello\\n")       | "hello"
      chomp("hello\\r\\n")    | "hello"
      chomp("hello\\n\\n")    | "hello"
      """)
  void chomp(String call, String expected) {
    terraform.assertEvaluates(call, expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      startswith("hello world", "hello")   | true
      startswith("hello world", "world")   | false
      """)
  void startswith(String call, String expected) {
    terraform.assertEvaluates(call, expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      endswith("hello world", "world")   | true
      endswith("hello world", "hello")   | false
      """)
  void endswith(String call, String expected) {
    terraform.assertEvaluates(call, expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      substr("hello world", 1, 4)     | "ello"
      substr("🤔🤷", 0, 1)            | "🤔"
      substr("hello world", -5, -1)   | "world"
      substr("hello world", 6, 10)    | "world"
      """)
  void substr(String call, String expected) {
    terraform.assertEvaluates(call, expected);
  }

  /** templatestring: "The first argument is always a reference to an object defined in the module". */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      templatestring(local.template, {name = "Jodie"})           | "Hello, Jodie!"
      templatestring(local.template, {name = upper("jodie")})    | "Hello, JODIE!"
      """)
  void templatestring(String call, String expected) {
    terraform.assertEvaluates(call, expected);
  }

  // Collection functions

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      concat(["a", ""], ["b", "c"])   | ["a", "", "b", "c"]
      concat([])                      | []
      """)
  void concat(String call, String expected) {
    terraform.assertEvaluates(call, expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      merge({a="b", c="d"}, {e="f", c="z"})           | {a="b", c="z", e="f"}
      merge({a="b"}, {a=[1,2], c="z"}, {d=3})         | {a=[1,2], c="z", d=3}
      merge(null, {a=1})                              | {a=1}
      merge()                                         | {}
      """)
  void merge(String call, String expected) {
    terraform.assertEvaluates(call, expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      flatten([["a", "b"], [], ["c"]])          | ["a", "b", "c"]
      flatten([[["a", "b"], []], ["c"]])        | ["a", "b", "c"]
      """)
  void flatten(String call, String expected) {
    terraform.assertEvaluates(call, expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      distinct(["a", "b", "a", "c", "d", "b"])   | ["a", "b", "c", "d"]
      """)
  void distinct(String call, String expected) {
    terraform.assertEvaluates(call, expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      lookup({a="ay", b="bee"}, "a", "what?")   | "ay"
      lookup({a="ay", b="bee"}, "c", "what?")   | "what?"
      lookup({a="ay"}, "c", null)               | null
      """)
  void lookup(String call, String expected) {
    terraform.assertEvaluates(call, expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      length([])            | 0
      length(["a", "b"])    | 2
      length({"a" = "b"})   | 1
      length("hello")       | 5
      length("💡")          | 1
      """)
  void length(String call, String expected) {
    terraform.assertEvaluates(call, expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      compact(["a", "", "b", null, "c"])   | ["a", "b", "c"]
      """)
  void compact(String call, String expected) {
    terraform.assertEvaluates(call, expected);
  }

  /** element: "If the given index is greater than the length of the list then the index is wrapped around". */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      element(["a", "b", "c"], 1)                              | "b"
      element(["a", "b", "c"], 3)                              | "a"
      element(["a", "b", "c"], length(["a", "b", "c"]) - 1)    | "c"
      """)
  void element(String call, String expected) {
    terraform.assertEvaluates(call, expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      keys({a=1, c=2, d=3})   | ["a", "c", "d"]
      keys({d=1, a=2})        | ["a", "d"]
      """)
  void keys(String call, String expected) {
    terraform.assertEvaluates(call, expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      values({a=3, c=2, d=1})   | [3, 2, 1]
      values({a=3, c=2, b=1})   | [3, 1, 2]
      """)
  void values(String call, String expected) {
    terraform.assertEvaluates(call, expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      zipmap(["a", "b"], [1, 2])   | {a = 1, b = 2}
      zipmap([], [])               | {}
      """)
  void zipmap(String call, String expected) {
    terraform.assertEvaluates(call, expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      contains(["a", "b", "c"], "a")   | true
      contains(["a", "b", "c"], "d")   | false
      """)
  void contains(String call, String expected) {
    terraform.assertEvaluates(call, expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      one([])              | null
      one(["hello"])       | "hello"
      one(toset([]))       | null
      """)
  void one(String call, String expected) {
    terraform.assertEvaluates(call, expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      coalescelist(["a", "b"], ["c", "d"])   | ["a", "b"]
      coalescelist([], ["c", "d"])           | ["c", "d"]
      """)
  void coalescelist(String call, String expected) {
    terraform.assertEvaluates(call, expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      coalesce("a", "b")       | "a"
      coalesce("", "b")        | "b"
      coalesce(1, 2)           | 1
      coalesce(null, "a")      | "a"
      """)
  void coalesce(String call, String expected) {
    terraform.assertEvaluates(call, expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      reverse([1, 2, 3])   | [3, 2, 1]
      reverse([])          | []
      """)
  void reverse(String call, String expected) {
    terraform.assertEvaluates(call, expected);
  }

  /** sort: "sort takes a list of strings and returns a new list with those strings sorted lexicographically". */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      sort(["e", "d", "a", "x"])   | ["a", "d", "e", "x"]
      sort([3, 1, 11])             | ["1", "11", "3"]
      """)
  void sort(String call, String expected) {
    terraform.assertEvaluates(call, expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      range(3)              | [0, 1, 2]
      range(1, 4)           | [1, 2, 3]
      range(1, 8, 2)        | [1, 3, 5, 7]
      range(1, 4, 0.5)      | [1, 1.5, 2, 2.5, 3, 3.5]
      range(4, 1)           | [4, 3, 2]
      range(10, 5, -2)      | [10, 8, 6]
      range(0)              | []
      range(1, 1)           | []
      """)
  void range(String call, String expected) {
    terraform.assertEvaluates(call, expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      slice(["a", "b", "c", "d"], 1, 3)                                           | ["b", "c"]
      slice(["a"], 1, 1)                                                          | []
      slice(["lambda.amazonaws.com", "edgelambda.amazonaws.com"], 0, 1)           | ["lambda.amazonaws.com"]
      """)
  void slice(String call, String expected) {
    terraform.assertEvaluates(call, expected);
  }

  // Numeric functions

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      min(12, 54, 3)          | 3
      min([12, 54, 3]...)     | 3
      """)
  void min(String call, String expected) {
    terraform.assertEvaluates(call, expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      max(12, 54, 3)          | 54
      max([12, 54, 3]...)     | 54
      """)
  void max(String call, String expected) {
    terraform.assertEvaluates(call, expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      abs(23)       | 23
      abs(0)        | 0
      abs(-12.4)    | 12.4
      """)
  void abs(String call, String expected) {
    terraform.assertEvaluates(call, expected);
  }

  // Encoding functions

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      jsonencode({"hello"="world"})    | "{\\"hello\\":\\"world\\"}"
      jsonencode(null)                 | "null"
      jsonencode(["a", 1, true])       | "[\\"a\\",1,true]"
      """)
  void jsonencode(String call, String expected) {
    terraform.assertEvaluates(call, expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      jsondecode("{\\"hello\\": \\"world\\"}")   | {hello = "world"}
      jsondecode("true")                         | true
      jsondecode("[1, \\"a\\"]")                 | [1, "a"]
      """)
  void jsondecode(String call, String expected) {
    terraform.assertEvaluates(call, expected);
  }

  // Filesystem functions that only work on the path's text

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      basename("foo/bar/baz.txt")   | "baz.txt"
      basename("foo/bar/")          | "bar"
      basename("/")                 | "/"
      basename("")                  | "."
      basename(".")                 | "."
      """)
  void basename(String call, String expected) {
    terraform.assertEvaluates(call, expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      dirname("foo/bar/baz.txt")    | "foo/bar"
      dirname("foo")                | "."
      dirname("/")                  | "/"
      dirname("")                   | "."
      dirname("/a/../b/c")          | "/b"
      """)
  void dirname(String call, String expected) {
    terraform.assertEvaluates(call, expected);
  }

  // Date and time functions

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      timeadd("2017-11-22T00:00:00Z", "10m")         | "2017-11-22T00:10:00Z"
      timeadd("2017-11-22T00:00:00Z", "-1h30m")      | "2017-11-21T22:30:00Z"
      timeadd("2017-11-22T00:00:00Z", "1.5h")        | "2017-11-22T01:30:00Z"
      timeadd("2017-11-22T00:00:00+01:00", "4380h")  | "2018-05-23T12:00:00+01:00"
      """)
  void timeadd(String call, String expected) {
    terraform.assertEvaluates(call, expected);
  }

  // Hash functions

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      base64sha256("hello world")   | "uU0nuZNNPgilLlLX2n2r+sSE7+N6U4DukIj3rOLvzek="
      """)
  void base64sha256(String call, String expected) {
    terraform.assertEvaluates(call, expected);
  }

  // Type conversion functions

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      tostring("hello")    | "hello"
      tostring(1)          | "1"
      tostring(true)       | "true"
      tostring(null)       | null
      """)
  void tostring(String call, String expected) {
    terraform.assertEvaluates(call, expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      tonumber(1)        | 1
      tonumber("1")      | 1
      tonumber("1.5")    | 1.5
      tonumber(null)     | null
      """)
  void tonumber(String call, String expected) {
    terraform.assertEvaluates(call, expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      tobool(true)       | true
      tobool("true")     | true
      tobool("false")    | false
      tobool(null)       | null
      """)
  void tobool(String call, String expected) {
    terraform.assertEvaluates(call, expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      tolist(["a", "b", "c"])   | ["a", "b", "c"]
      tolist(null)              | null
      """)
  void tolist(String call, String expected) {
    terraform.assertEvaluates(call, expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      tomap({"a" = 1, "b" = 2})   | {a = 1, b = 2}
      tomap(null)                 | null
      """)
  void tomap(String call, String expected) {
    terraform.assertEvaluates(call, expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      toset(["a", "b", "c"])    | ["a", "b", "c"]
      toset(["c", "b", "b"])    | ["b", "c"]
      toset(null)               | null
      """)
  void toset(String call, String expected) {
    terraform.assertEvaluates(call, expected);
  }

  /** try: "evaluates all of its argument expressions in turn and returns the result of the first one that does not produce any errors". */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      try(local.empty.example, "default")    | "default"
      try(tonumber("x"), 0)                  | 0
      try("first", "second")                 | "first"
      """)
  void try_(String call, String expected) {
    terraform.assertEvaluates(call, expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      can(local.empty.example)   | false
      can(tonumber("1"))         | true
      can(tonumber("x"))         | false
      """)
  void can(String call, String expected) {
    terraform.assertEvaluates(call, expected);
  }
}
